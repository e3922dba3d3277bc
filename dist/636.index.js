export const id = 636;
export const ids = [636];
export const modules = {

/***/ 9636:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

const { awsEndpointFunctions, emitWarningIfUnsupportedVersion: emitWarningIfUnsupportedVersion$1, createDefaultUserAgentProvider, getDefaultSocketTimeout, NODE_APP_ID_CONFIG_OPTIONS, getAwsRegionExtensionConfiguration, resolveAwsRegionExtensionConfiguration, resolveUserAgentConfig, resolveHostHeaderConfig, getUserAgentPlugin, getHostHeaderPlugin, getLoggerPlugin, getRecursionDetectionPlugin } = __webpack_require__(5152);
const { getHttpAuthSchemeEndpointRuleSetPlugin, DefaultIdentityProviderConfig, getHttpSigningPlugin } = __webpack_require__(402);
const { normalizeProvider, getSmithyContext, ServiceException, NoOpLogger, emitWarningIfUnsupportedVersion, loadConfigsForDefaultMode, getDefaultExtensionConfiguration, resolveDefaultRuntimeConfig, Client, makeBuilder, createAggregatedClient } = __webpack_require__(2658);
const { Command: $Command } = __webpack_require__(2658);
exports.$Command = $Command;
exports.__Client = Client;
const { resolveDefaultsModeConfig, loadConfig, NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, NODE_REGION_CONFIG_OPTIONS, NODE_REGION_CONFIG_FILE_OPTIONS, resolveRegionConfig } = __webpack_require__(7291);
const { BinaryDecisionDiagram, EndpointCache, decideEndpoint, customEndpointFunctions, resolveEndpointConfig, getEndpointPlugin } = __webpack_require__(2085);
const { eventStreamSerdeProvider, resolveEventStreamSerdeConfig } = __webpack_require__(6579);
const { parseUrl, getHttpHandlerExtensionConfiguration, resolveHttpHandlerRuntimeConfig, getContentLengthPlugin } = __webpack_require__(3422);
const { DEFAULT_RETRY_MODE, NODE_RETRY_MODE_CONFIG_OPTIONS, NODE_MAX_ATTEMPT_CONFIG_OPTIONS, resolveRetryConfig, getRetryPlugin } = __webpack_require__(3609);
const { TypeRegistry, getSchemaSerdePlugin } = __webpack_require__(6890);
const { resolveAwsSdkSigV4Config, AwsSdkSigV4Signer, NODE_AUTH_SCHEME_PREFERENCE_OPTIONS } = __webpack_require__(7523);
const { defaultProvider } = __webpack_require__(5861);
const { toUtf8, fromUtf8, toBase64, fromBase64, calculateBodyLength } = __webpack_require__(2430);
const { streamCollector, NodeHttpHandler } = __webpack_require__(1279);
const { AwsRestJsonProtocol } = __webpack_require__(7288);
const { Sha256 } = __webpack_require__(9542);

const defaultSageMakerRuntimeHttpAuthSchemeParametersProvider = async (config, context, input) => {
    return {
        operation: getSmithyContext(context).operation,
        region: await normalizeProvider(config.region)() || (() => {
            throw new Error("expected `region` to be configured for `aws.auth#sigv4`");
        })(),
    };
};
function createAwsAuthSigv4HttpAuthOption(authParameters) {
    return {
        schemeId: "aws.auth#sigv4",
        signingProperties: {
            name: "sagemaker",
            region: authParameters.region,
        },
        propertiesExtractor: (config, context) => ({
            signingProperties: {
                config,
                context,
            },
        }),
    };
}
const defaultSageMakerRuntimeHttpAuthSchemeProvider = (authParameters) => {
    const options = [];
    switch (authParameters.operation) {
        default: {
            options.push(createAwsAuthSigv4HttpAuthOption(authParameters));
        }
    }
    return options;
};
const resolveHttpAuthSchemeConfig = (config) => {
    const config_0 = resolveAwsSdkSigV4Config(config);
    return Object.assign(config_0, {
        authSchemePreference: normalizeProvider(config.authSchemePreference ?? []),
    });
};

const resolveClientEndpointParameters = (options) => {
    return Object.assign(options, {
        useDualstackEndpoint: options.useDualstackEndpoint ?? false,
        useFipsEndpoint: options.useFipsEndpoint ?? false,
        defaultSigningName: "sagemaker",
    });
};
const commonParams = {
    UseFIPS: { type: "builtInParams", name: "useFipsEndpoint" },
    Endpoint: { type: "builtInParams", name: "endpoint" },
    Region: { type: "builtInParams", name: "region" },
    UseDualStack: { type: "builtInParams", name: "useDualstackEndpoint" },
};

var version = "3.1163.0";
var packageInfo = {
	version: version};

const m = "ref";
const a = -1, b = true, c = "isSet", d = "PartitionResult", e = "booleanEquals", f = "getAttr", g = "stringEquals", h = { [m]: "Endpoint" }, i = { [m]: d }, j = { "fn": f, "argv": [i, "name"] }, k = {}, l = [{ [m]: "Region" }];
const _data = {
    conditions: [
        [c, [h]],
        [c, l],
        ["aws.partition", l, d],
        [e, [{ [m]: "UseFIPS" }, b]],
        [e, [{ [m]: "UseDualStack" }, b]],
        [e, [{ fn: f, argv: [i, "supportsDualStack"] }, b]],
        [e, [{ fn: f, argv: [i, "supportsFIPS"] }, b]],
        [g, [j, "aws"]],
        [g, [j, "aws-us-gov"]]
    ],
    results: [
        [a],
        [a, "Invalid Configuration: FIPS and custom endpoint are not supported"],
        [a, "Invalid Configuration: Dualstack and custom endpoint are not supported"],
        [h, k],
        ["https://runtime.sagemaker-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", k],
        [a, "FIPS and DualStack are enabled, but this partition does not support one or both"],
        ["https://runtime-fips.sagemaker.{Region}.amazonaws.com", k],
        ["https://runtime.sagemaker.{Region}.amazonaws.com", k],
        ["https://runtime.sagemaker-fips.{Region}.{PartitionResult#dnsSuffix}", k],
        [a, "FIPS is enabled but this partition does not support FIPS"],
        ["https://runtime.sagemaker.{Region}.{PartitionResult#dualStackDnsSuffix}", k],
        [a, "DualStack is enabled but this partition does not support DualStack"],
        ["https://runtime.sagemaker.{Region}.{PartitionResult#dnsSuffix}", k],
        [a, "Invalid Configuration: Missing Region"]
    ]
};
const root = 2;
const r = 100_000_000;
const nodes = new Int32Array([
    -1, 1, -1,
    0, 14, 3,
    1, 4, r + 13,
    2, 5, r + 13,
    3, 8, 6,
    4, 7, r + 12,
    5, r + 10, r + 11,
    4, 12, 9,
    6, 10, r + 9,
    7, r + 6, 11,
    8, r + 7, r + 8,
    5, 13, r + 5,
    6, r + 4, r + 5,
    3, r + 1, 15,
    4, r + 2, r + 3,
]);
const bdd = BinaryDecisionDiagram.from(nodes, root, _data.conditions, _data.results);

const cache = new EndpointCache({
    size: 50,
    params: ["Endpoint", "Region", "UseDualStack", "UseFIPS"],
});
const defaultEndpointResolver = (endpointParams, context = {}) => {
    return cache.get(endpointParams, () => decideEndpoint(bdd, {
        endpointParams: endpointParams,
        logger: context.logger,
    }));
};
customEndpointFunctions.aws = awsEndpointFunctions;

class SageMakerRuntimeServiceException extends ServiceException {
    static shapeId = "smithy.ts.sdk.synthetic.com.amazonaws.sagemakerruntime#SageMakerRuntimeServiceException";
    constructor(options) {
        super(options);
        Object.setPrototypeOf(this, SageMakerRuntimeServiceException.prototype);
    }
}

class InternalDependencyException extends SageMakerRuntimeServiceException {
    static shapeId = "com.amazonaws.sagemakerruntime#InternalDependencyException";
    name = "InternalDependencyException";
    $fault = "server";
    Message;
    constructor(opts) {
        super({
            name: "InternalDependencyException",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalDependencyException.prototype);
        this.Message = opts.Message;
    }
}
class InternalFailure extends SageMakerRuntimeServiceException {
    static shapeId = "com.amazonaws.sagemakerruntime#InternalFailure";
    name = "InternalFailure";
    $fault = "server";
    Message;
    constructor(opts) {
        super({
            name: "InternalFailure",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalFailure.prototype);
        this.Message = opts.Message;
    }
}
class ModelError extends SageMakerRuntimeServiceException {
    static shapeId = "com.amazonaws.sagemakerruntime#ModelError";
    name = "ModelError";
    $fault = "client";
    Message;
    OriginalStatusCode;
    OriginalMessage;
    LogStreamArn;
    constructor(opts) {
        super({
            name: "ModelError",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ModelError.prototype);
        this.Message = opts.Message;
        this.OriginalStatusCode = opts.OriginalStatusCode;
        this.OriginalMessage = opts.OriginalMessage;
        this.LogStreamArn = opts.LogStreamArn;
    }
}
class ModelNotReadyException extends SageMakerRuntimeServiceException {
    static shapeId = "com.amazonaws.sagemakerruntime#ModelNotReadyException";
    name = "ModelNotReadyException";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "ModelNotReadyException",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ModelNotReadyException.prototype);
        this.Message = opts.Message;
    }
}
class ServiceUnavailable extends SageMakerRuntimeServiceException {
    static shapeId = "com.amazonaws.sagemakerruntime#ServiceUnavailable";
    name = "ServiceUnavailable";
    $fault = "server";
    Message;
    constructor(opts) {
        super({
            name: "ServiceUnavailable",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, ServiceUnavailable.prototype);
        this.Message = opts.Message;
    }
}
class ValidationError extends SageMakerRuntimeServiceException {
    static shapeId = "com.amazonaws.sagemakerruntime#ValidationError";
    name = "ValidationError";
    $fault = "client";
    Message;
    constructor(opts) {
        super({
            name: "ValidationError",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ValidationError.prototype);
        this.Message = opts.Message;
    }
}
class InternalStreamFailure extends SageMakerRuntimeServiceException {
    static shapeId = "com.amazonaws.sagemakerruntime#InternalStreamFailure";
    name = "InternalStreamFailure";
    $fault = "server";
    Message;
    constructor(opts) {
        super({
            name: "InternalStreamFailure",
            $fault: "server",
            ...opts,
        });
        Object.setPrototypeOf(this, InternalStreamFailure.prototype);
        this.Message = opts.Message;
    }
}
class ModelStreamError extends SageMakerRuntimeServiceException {
    static shapeId = "com.amazonaws.sagemakerruntime#ModelStreamError";
    name = "ModelStreamError";
    $fault = "client";
    Message;
    ErrorCode;
    constructor(opts) {
        super({
            name: "ModelStreamError",
            $fault: "client",
            ...opts,
        });
        Object.setPrototypeOf(this, ModelStreamError.prototype);
        this.Message = opts.Message;
        this.ErrorCode = opts.ErrorCode;
    }
}

const _A = "Accept";
const _ABB = "AsyncBodyBlob";
const _B = "Body";
const _BB = "BodyBlob";
const _By = "Bytes";
const _CA = "CustomAttributes";
const _CAH = "CustomAttributesHeader";
const _CSI = "ClosedSessionId";
const _CT = "ContentType";
const _CT_ = "Content-Type";
const _EC = "ErrorCode";
const _EE = "EnableExplanations";
const _EN = "EndpointName";
const _F = "Filename";
const _FL = "FailureLocation";
const _ICN = "InferenceComponentName";
const _IDE = "InternalDependencyException";
const _IE = "InvokeEndpoint";
const _IEA = "InvokeEndpointAsync";
const _IEAI = "InvokeEndpointAsyncInput";
const _IEAO = "InvokeEndpointAsyncOutput";
const _IEI = "InvokeEndpointInput";
const _IEO = "InvokeEndpointOutput";
const _IEWRS = "InvokeEndpointWithResponseStream";
const _IEWRSI = "InvokeEndpointWithResponseStreamInput";
const _IEWRSO = "InvokeEndpointWithResponseStreamOutput";
const _IF = "InternalFailure";
const _II = "InferenceId";
const _IL = "InputLocation";
const _IPV = "InvokedProductionVariant";
const _ISF = "InternalStreamFailure";
const _ITS = "InvocationTimeoutSeconds";
const _LSA = "LogStreamArn";
const _M = "Message";
const _ME = "ModelError";
const _MNRE = "ModelNotReadyException";
const _MSE = "ModelStreamError";
const _NSI = "NewSessionId";
const _OL = "OutputLocation";
const _OM = "OriginalMessage";
const _OSC = "OriginalStatusCode";
const _PAI = "PrefixAwareId";
const _PB = "PartBlob";
const _PP = "PayloadPart";
const _RS = "ResponseStream";
const _RTTLS = "RequestTTLSeconds";
const _SI = "SessionId";
const _SOPE = "S3OutputPathExtension";
const _SU = "ServiceUnavailable";
const _TCH = "TargetContainerHostname";
const _TM = "TargetModel";
const _TV = "TargetVariant";
const _VE = "ValidationError";
const _XASA = "X-Amzn-SageMaker-Accept";
const _XASCA = "X-Amzn-SageMaker-Custom-Attributes";
const _XASCSI = "X-Amzn-SageMaker-Closed-Session-Id";
const _XASCT = "X-Amzn-SageMaker-Content-Type";
const _XASEE = "X-Amzn-SageMaker-Enable-Explanations";
const _XASF = "X-Amzn-SageMaker-Filename";
const _XASF_ = "X-Amzn-SageMaker-FailureLocation";
const _XASI = "X-Amzn-SageMaker-InputLocation";
const _XASIC = "X-Amzn-SageMaker-Inference-Component";
const _XASII = "X-Amzn-SageMaker-Inference-Id";
const _XASI_ = "X-Amzn-SageMaker-InvocationTimeoutSeconds";
const _XASNSI = "X-Amzn-SageMaker-New-Session-Id";
const _XASO = "X-Amzn-SageMaker-OutputLocation";
const _XASPAI = "X-Amzn-SageMaker-Prefix-Aware-Id";
const _XASR = "X-Amzn-SageMaker-RequestTTLSeconds";
const _XASS = "X-Amzn-SageMaker-S3OutputPathExtension";
const _XASSI = "X-Amzn-SageMaker-Session-Id";
const _XASTCH = "X-Amzn-SageMaker-Target-Container-Hostname";
const _XASTM = "X-Amzn-SageMaker-Target-Model";
const _XASTV = "X-Amzn-SageMaker-Target-Variant";
const _aQE = "awsQueryError";
const _c = "client";
const _e = "error";
const _eP = "eventPayload";
const _h = "http";
const _hE = "httpError";
const _hH = "httpHeader";
const _s = "smithy.ts.sdk.synthetic.com.amazonaws.sagemakerruntime";
const _se = "server";
const _st = "streaming";
const _xAIPV = "x-Amzn-Invoked-Production-Variant";
const n0 = "com.amazonaws.sagemakerruntime";
const _s_registry = new TypeRegistry(_s);
var SageMakerRuntimeServiceException$ = [-3, _s, "SageMakerRuntimeServiceException", 0, [], []];
_s_registry.registerError(SageMakerRuntimeServiceException$, SageMakerRuntimeServiceException);
const n0_registry = new TypeRegistry(n0);
var InternalDependencyException$ = [-3, n0, _IDE,
    { [_e]: _se, [_hE]: 530 },
    [_M],
    [0]
];
n0_registry.registerError(InternalDependencyException$, InternalDependencyException);
var InternalFailure$ = [-3, n0, _IF,
    { [_e]: _se, [_hE]: 500 },
    [_M],
    [0]
];
n0_registry.registerError(InternalFailure$, InternalFailure);
var InternalStreamFailure$ = [-3, n0, _ISF,
    { [_e]: _se },
    [_M],
    [0]
];
n0_registry.registerError(InternalStreamFailure$, InternalStreamFailure);
var ModelError$ = [-3, n0, _ME,
    { [_e]: _c, [_hE]: 424 },
    [_M, _OSC, _OM, _LSA],
    [0, 1, 0, 0]
];
n0_registry.registerError(ModelError$, ModelError);
var ModelNotReadyException$ = [-3, n0, _MNRE,
    { [_aQE]: [`ModelNotReadyException`, 429], [_e]: _c, [_hE]: 429 },
    [_M],
    [0]
];
n0_registry.registerError(ModelNotReadyException$, ModelNotReadyException);
var ModelStreamError$ = [-3, n0, _MSE,
    { [_e]: _c },
    [_M, _EC],
    [0, 0]
];
n0_registry.registerError(ModelStreamError$, ModelStreamError);
var ServiceUnavailable$ = [-3, n0, _SU,
    { [_e]: _se, [_hE]: 503 },
    [_M],
    [0]
];
n0_registry.registerError(ServiceUnavailable$, ServiceUnavailable);
var ValidationError$ = [-3, n0, _VE,
    { [_e]: _c, [_hE]: 400 },
    [_M],
    [0]
];
n0_registry.registerError(ValidationError$, ValidationError);
const errorTypeRegistries = [
    _s_registry,
    n0_registry,
];
var AsyncBodyBlob = [0, n0, _ABB, 8, 21];
var BodyBlob = [0, n0, _BB, 8, 21];
var CustomAttributesHeader = [0, n0, _CAH, 8, 0];
var PartBlob = [0, n0, _PB, 8, 21];
var InvokeEndpointAsyncInput$ = [3, n0, _IEAI,
    0,
    [_EN, _CT, _A, _CA, _II, _IL, _SOPE, _F, _RTTLS, _ITS, _B],
    [[0, 1], [0, { [_hH]: _XASCT }], [0, { [_hH]: _XASA }], [() => CustomAttributesHeader, { [_hH]: _XASCA }], [0, { [_hH]: _XASII }], [0, { [_hH]: _XASI }], [0, { [_hH]: _XASS }], [0, { [_hH]: _XASF }], [1, { [_hH]: _XASR }], [1, { [_hH]: _XASI_ }], [() => AsyncBodyBlob, 16]], 1
];
var InvokeEndpointAsyncOutput$ = [3, n0, _IEAO,
    0,
    [_II, _OL, _FL],
    [0, [0, { [_hH]: _XASO }], [0, { [_hH]: _XASF_ }]]
];
var InvokeEndpointInput$ = [3, n0, _IEI,
    0,
    [_EN, _B, _CT, _A, _CA, _TM, _TV, _TCH, _II, _EE, _ICN, _SI, _PAI],
    [[0, 1], [() => BodyBlob, 16], [0, { [_hH]: _CT_ }], [0, { [_hH]: _A }], [() => CustomAttributesHeader, { [_hH]: _XASCA }], [0, { [_hH]: _XASTM }], [0, { [_hH]: _XASTV }], [0, { [_hH]: _XASTCH }], [0, { [_hH]: _XASII }], [0, { [_hH]: _XASEE }], [0, { [_hH]: _XASIC }], [0, { [_hH]: _XASSI }], [0, { [_hH]: _XASPAI }]], 2
];
var InvokeEndpointOutput$ = [3, n0, _IEO,
    0,
    [_B, _CT, _IPV, _CA, _NSI, _CSI],
    [[() => BodyBlob, 16], [0, { [_hH]: _CT_ }], [0, { [_hH]: _xAIPV }], [() => CustomAttributesHeader, { [_hH]: _XASCA }], [0, { [_hH]: _XASNSI }], [0, { [_hH]: _XASCSI }]], 1
];
var InvokeEndpointWithResponseStreamInput$ = [3, n0, _IEWRSI,
    0,
    [_EN, _B, _CT, _A, _CA, _TV, _TCH, _II, _ICN, _SI, _PAI],
    [[0, 1], [() => BodyBlob, 16], [0, { [_hH]: _CT_ }], [0, { [_hH]: _XASA }], [() => CustomAttributesHeader, { [_hH]: _XASCA }], [0, { [_hH]: _XASTV }], [0, { [_hH]: _XASTCH }], [0, { [_hH]: _XASII }], [0, { [_hH]: _XASIC }], [0, { [_hH]: _XASSI }], [0, { [_hH]: _XASPAI }]], 2
];
var InvokeEndpointWithResponseStreamOutput$ = [3, n0, _IEWRSO,
    0,
    [_B, _CT, _IPV, _CA],
    [[() => ResponseStream$, 16], [0, { [_hH]: _XASCT }], [0, { [_hH]: _xAIPV }], [() => CustomAttributesHeader, { [_hH]: _XASCA }]], 1
];
var PayloadPart$ = [3, n0, _PP,
    0,
    [_By],
    [[() => PartBlob, { [_eP]: 1 }]]
];
var ResponseStream$ = [4, n0, _RS,
    { [_st]: 1 },
    [_PP, _MSE, _ISF],
    [[() => PayloadPart$, 0], [() => ModelStreamError$, 0], [() => InternalStreamFailure$, 0]]
];
var InvokeEndpoint$ = [9, n0, _IE,
    { [_h]: ["POST", "/endpoints/{EndpointName}/invocations", 200] }, () => InvokeEndpointInput$, () => InvokeEndpointOutput$
];
var InvokeEndpointAsync$ = [9, n0, _IEA,
    { [_h]: ["POST", "/endpoints/{EndpointName}/async-invocations", 202] }, () => InvokeEndpointAsyncInput$, () => InvokeEndpointAsyncOutput$
];
var InvokeEndpointWithResponseStream$ = [9, n0, _IEWRS,
    { [_h]: ["POST", "/endpoints/{EndpointName}/invocations-response-stream", 200] }, () => InvokeEndpointWithResponseStreamInput$, () => InvokeEndpointWithResponseStreamOutput$
];

const getRuntimeConfig$1 = (config) => {
    return {
        apiVersion: "2017-05-13",
        base64Decoder: config?.base64Decoder ?? fromBase64,
        base64Encoder: config?.base64Encoder ?? toBase64,
        disableHostPrefix: config?.disableHostPrefix ?? false,
        endpointProvider: config?.endpointProvider ?? defaultEndpointResolver,
        extensions: config?.extensions ?? [],
        httpAuthSchemeProvider: config?.httpAuthSchemeProvider ?? defaultSageMakerRuntimeHttpAuthSchemeProvider,
        httpAuthSchemes: config?.httpAuthSchemes ?? [
            {
                schemeId: "aws.auth#sigv4",
                identityProvider: (ipc) => ipc.getIdentityProvider("aws.auth#sigv4"),
                signer: new AwsSdkSigV4Signer(),
            },
        ],
        logger: config?.logger ?? new NoOpLogger(),
        protocol: config?.protocol ?? AwsRestJsonProtocol,
        protocolSettings: config?.protocolSettings ?? {
            defaultNamespace: "com.amazonaws.sagemakerruntime",
            errorTypeRegistries,
            version: "2017-05-13",
            serviceTarget: "AmazonSageMakerRuntime",
        },
        serviceId: config?.serviceId ?? "SageMaker Runtime",
        sha256: config?.sha256 ?? Sha256,
        urlParser: config?.urlParser ?? parseUrl,
        utf8Decoder: config?.utf8Decoder ?? fromUtf8,
        utf8Encoder: config?.utf8Encoder ?? toUtf8,
    };
};

const getRuntimeConfig = (config) => {
    emitWarningIfUnsupportedVersion(process.version);
    const defaultsMode = resolveDefaultsModeConfig(config);
    const defaultConfigProvider = () => defaultsMode().then(loadConfigsForDefaultMode);
    const clientSharedValues = getRuntimeConfig$1(config);
    emitWarningIfUnsupportedVersion$1(process.version);
    const loaderConfig = {
        profile: config?.profile,
        logger: clientSharedValues.logger,
    };
    return {
        ...clientSharedValues,
        ...config,
        runtime: "node",
        defaultsMode,
        authSchemePreference: config?.authSchemePreference ?? loadConfig(NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, loaderConfig),
        bodyLengthChecker: config?.bodyLengthChecker ?? calculateBodyLength,
        credentialDefaultProvider: config?.credentialDefaultProvider ?? defaultProvider,
        defaultSocketTimeout: getDefaultSocketTimeout(config?.requestHandler, 900_000),
        defaultUserAgentProvider: config?.defaultUserAgentProvider ?? createDefaultUserAgentProvider({ serviceId: clientSharedValues.serviceId, clientVersion: packageInfo.version }),
        eventStreamSerdeProvider: config?.eventStreamSerdeProvider ?? eventStreamSerdeProvider,
        maxAttempts: config?.maxAttempts ?? loadConfig(NODE_MAX_ATTEMPT_CONFIG_OPTIONS, config),
        region: config?.region ?? loadConfig(NODE_REGION_CONFIG_OPTIONS, { ...NODE_REGION_CONFIG_FILE_OPTIONS, ...loaderConfig }),
        requestHandler: NodeHttpHandler.create(config?.requestHandler ?? defaultConfigProvider),
        retryMode: config?.retryMode ??
            loadConfig({
                ...NODE_RETRY_MODE_CONFIG_OPTIONS,
                default: async () => (await defaultConfigProvider()).retryMode || DEFAULT_RETRY_MODE,
            }, config),
        streamCollector: config?.streamCollector ?? streamCollector,
        useDualstackEndpoint: config?.useDualstackEndpoint ?? loadConfig(NODE_USE_DUALSTACK_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        useFipsEndpoint: config?.useFipsEndpoint ?? loadConfig(NODE_USE_FIPS_ENDPOINT_CONFIG_OPTIONS, loaderConfig),
        userAgentAppId: config?.userAgentAppId ?? loadConfig(NODE_APP_ID_CONFIG_OPTIONS, loaderConfig),
    };
};

const getHttpAuthExtensionConfiguration = (runtimeConfig) => {
    const _httpAuthSchemes = runtimeConfig.httpAuthSchemes;
    let _httpAuthSchemeProvider = runtimeConfig.httpAuthSchemeProvider;
    let _credentials = runtimeConfig.credentials;
    return {
        setHttpAuthScheme(httpAuthScheme) {
            const index = _httpAuthSchemes.findIndex((scheme) => scheme.schemeId === httpAuthScheme.schemeId);
            if (index === -1) {
                _httpAuthSchemes.push(httpAuthScheme);
            }
            else {
                _httpAuthSchemes.splice(index, 1, httpAuthScheme);
            }
        },
        httpAuthSchemes() {
            return _httpAuthSchemes;
        },
        setHttpAuthSchemeProvider(httpAuthSchemeProvider) {
            _httpAuthSchemeProvider = httpAuthSchemeProvider;
        },
        httpAuthSchemeProvider() {
            return _httpAuthSchemeProvider;
        },
        setCredentials(credentials) {
            _credentials = credentials;
        },
        credentials() {
            return _credentials;
        },
    };
};
const resolveHttpAuthRuntimeConfig = (config) => {
    return {
        httpAuthSchemes: config.httpAuthSchemes(),
        httpAuthSchemeProvider: config.httpAuthSchemeProvider(),
        credentials: config.credentials(),
    };
};

const resolveRuntimeExtensions = (runtimeConfig, extensions) => {
    const extensionConfiguration = Object.assign(getAwsRegionExtensionConfiguration(runtimeConfig), getDefaultExtensionConfiguration(runtimeConfig), getHttpHandlerExtensionConfiguration(runtimeConfig), getHttpAuthExtensionConfiguration(runtimeConfig));
    extensions.forEach((extension) => extension.configure(extensionConfiguration));
    return Object.assign(runtimeConfig, resolveAwsRegionExtensionConfiguration(extensionConfiguration), resolveDefaultRuntimeConfig(extensionConfiguration), resolveHttpHandlerRuntimeConfig(extensionConfiguration), resolveHttpAuthRuntimeConfig(extensionConfiguration));
};

class SageMakerRuntimeClient extends Client {
    config;
    constructor(...[configuration]) {
        const _config_0 = getRuntimeConfig(configuration || {});
        super(_config_0);
        this.initConfig = _config_0;
        const _config_1 = resolveClientEndpointParameters(_config_0);
        const _config_2 = resolveUserAgentConfig(_config_1);
        const _config_3 = resolveRetryConfig(_config_2);
        const _config_4 = resolveRegionConfig(_config_3);
        const _config_5 = resolveHostHeaderConfig(_config_4);
        const _config_6 = resolveEndpointConfig(_config_5);
        const _config_7 = resolveEventStreamSerdeConfig(_config_6);
        const _config_8 = resolveHttpAuthSchemeConfig(_config_7);
        const _config_9 = resolveRuntimeExtensions(_config_8, configuration?.extensions || []);
        this.config = _config_9;
        this.middlewareStack.use(getSchemaSerdePlugin(this.config));
        this.middlewareStack.use(getUserAgentPlugin(this.config));
        this.middlewareStack.use(getRetryPlugin(this.config));
        this.middlewareStack.use(getContentLengthPlugin(this.config));
        this.middlewareStack.use(getHostHeaderPlugin(this.config));
        this.middlewareStack.use(getLoggerPlugin(this.config));
        this.middlewareStack.use(getRecursionDetectionPlugin(this.config));
        this.middlewareStack.use(getHttpAuthSchemeEndpointRuleSetPlugin(this.config, {
            httpAuthSchemeParametersProvider: defaultSageMakerRuntimeHttpAuthSchemeParametersProvider,
            identityProviderConfigProvider: async (config) => new DefaultIdentityProviderConfig({
                "aws.auth#sigv4": config.credentials,
            }),
        }));
        this.middlewareStack.use(getHttpSigningPlugin(this.config));
    }
    destroy() {
        super.destroy();
    }
}

const command = makeBuilder(commonParams, "AmazonSageMakerRuntime", "SageMakerRuntimeClient", getEndpointPlugin);
const _ep0 = {};
const _mw0 = (Command, cs, config, o) => [];

class InvokeEndpointAsyncCommand extends command(_ep0, _mw0, "InvokeEndpointAsync", InvokeEndpointAsync$) {
}

class InvokeEndpointCommand extends command(_ep0, _mw0, "InvokeEndpoint", InvokeEndpoint$) {
}

class InvokeEndpointWithResponseStreamCommand extends command(_ep0, _mw0, "InvokeEndpointWithResponseStream", InvokeEndpointWithResponseStream$) {
}

const commands = {
    InvokeEndpointCommand,
    InvokeEndpointAsyncCommand,
    InvokeEndpointWithResponseStreamCommand,
};
class SageMakerRuntime extends SageMakerRuntimeClient {
}
createAggregatedClient(commands, SageMakerRuntime);

exports.InternalDependencyException = InternalDependencyException;
exports.InternalDependencyException$ = InternalDependencyException$;
exports.InternalFailure = InternalFailure;
exports.InternalFailure$ = InternalFailure$;
exports.InternalStreamFailure = InternalStreamFailure;
exports.InternalStreamFailure$ = InternalStreamFailure$;
exports.InvokeEndpoint$ = InvokeEndpoint$;
exports.InvokeEndpointAsync$ = InvokeEndpointAsync$;
exports.InvokeEndpointAsyncCommand = InvokeEndpointAsyncCommand;
exports.InvokeEndpointAsyncInput$ = InvokeEndpointAsyncInput$;
exports.InvokeEndpointAsyncOutput$ = InvokeEndpointAsyncOutput$;
exports.InvokeEndpointCommand = InvokeEndpointCommand;
exports.InvokeEndpointInput$ = InvokeEndpointInput$;
exports.InvokeEndpointOutput$ = InvokeEndpointOutput$;
exports.InvokeEndpointWithResponseStream$ = InvokeEndpointWithResponseStream$;
exports.InvokeEndpointWithResponseStreamCommand = InvokeEndpointWithResponseStreamCommand;
exports.InvokeEndpointWithResponseStreamInput$ = InvokeEndpointWithResponseStreamInput$;
exports.InvokeEndpointWithResponseStreamOutput$ = InvokeEndpointWithResponseStreamOutput$;
exports.ModelError = ModelError;
exports.ModelError$ = ModelError$;
exports.ModelNotReadyException = ModelNotReadyException;
exports.ModelNotReadyException$ = ModelNotReadyException$;
exports.ModelStreamError = ModelStreamError;
exports.ModelStreamError$ = ModelStreamError$;
exports.PayloadPart$ = PayloadPart$;
exports.ResponseStream$ = ResponseStream$;
exports.SageMakerRuntime = SageMakerRuntime;
exports.SageMakerRuntimeClient = SageMakerRuntimeClient;
exports.SageMakerRuntimeServiceException = SageMakerRuntimeServiceException;
exports.SageMakerRuntimeServiceException$ = SageMakerRuntimeServiceException$;
exports.ServiceUnavailable = ServiceUnavailable;
exports.ServiceUnavailable$ = ServiceUnavailable$;
exports.ValidationError = ValidationError;
exports.ValidationError$ = ValidationError$;
exports.errorTypeRegistries = errorTypeRegistries;


/***/ })

};

//# sourceMappingURL=636.index.js.map