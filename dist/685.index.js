export const id = 685;
export const ids = [685];
export const modules = {

/***/ 9685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AwsCallError: () => (/* binding */ AwsCallError),
/* harmony export */   createAwsApi: () => (/* binding */ createAwsApi),
/* harmony export */   isAlreadyExists: () => (/* binding */ isAlreadyExists),
/* harmony export */   isFatal: () => (/* binding */ isFatal),
/* harmony export */   isNotFound: () => (/* binding */ isNotFound)
/* harmony export */ });
class AwsCallError extends Error {
    operation;
    code;
    detail;
    httpStatus;
    constructor(operation, code, detail, httpStatus) {
        super(`${operation} failed: ${code}: ${detail}`);
        this.operation = operation;
        this.code = code;
        this.detail = detail;
        this.httpStatus = httpStatus;
        this.name = 'AwsCallError';
    }
}
const FATAL_CODES = new Set([
    'AccessDenied',
    'AccessDeniedException',
    'ExpiredToken',
    'ExpiredTokenException',
    'UnrecognizedClientException',
    'InvalidClientTokenId',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
    'CredentialsProviderError',
    'MissingAuthenticationToken',
    'AuthFailure',
    'NotAuthorized'
]);
/** Errors that no retry will fix: stop at once and say so. */
function isFatal(e) {
    return e instanceof AwsCallError && (FATAL_CODES.has(e.code) || /credentials/i.test(e.code));
}
function isNotFound(e) {
    return (e instanceof AwsCallError &&
        (e.code === 'ResourceNotFound' || /^Could not find /.test(e.detail)));
}
function isAlreadyExists(e) {
    return (e instanceof AwsCallError && (e.code === 'ResourceInUse' || /already exist/i.test(e.detail)));
}
function mapError(operation, e) {
    const err = e;
    return new AwsCallError(operation, err?.name ?? 'Error', err?.message ?? String(e), err?.$metadata?.httpStatusCode);
}
/** Loads the SDK clients and returns the calls the action makes. */
async function createAwsApi(options) {
    const [sm, cw] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(459)]).then(__webpack_require__.t.bind(__webpack_require__, 4459, 19)),
        Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(85)]).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19))
    ]);
    const config = {
        region: options.region,
        maxAttempts: options.maxAttempts ?? 5,
        customUserAgent: 'sagemaker-blue-green-deploy',
        requestHandler: { connectionTimeout: 5000, requestTimeout: 30000 }
    };
    const sagemaker = new sm.SageMakerClient(config);
    const cloudwatch = new cw.CloudWatchClient(config);
    const sendOptions = options.signal ? { abortSignal: options.signal } : {};
    const call = async (operation, send) => {
        try {
            return await send();
        }
        catch (e) {
            throw mapError(operation, e);
        }
    };
    const orUndefined = async (p) => {
        try {
            return await p;
        }
        catch (e) {
            if (isNotFound(e))
                return undefined;
            throw e;
        }
    };
    return {
        describeEndpoint: name => orUndefined(call('DescribeEndpoint', () => sagemaker.send(new sm.DescribeEndpointCommand({ EndpointName: name }), sendOptions))),
        describeEndpointConfig: name => orUndefined(call('DescribeEndpointConfig', () => sagemaker.send(new sm.DescribeEndpointConfigCommand({ EndpointConfigName: name }), sendOptions))),
        describeModel: name => orUndefined(call('DescribeModel', () => sagemaker.send(new sm.DescribeModelCommand({ ModelName: name }), sendOptions))),
        listTags: async (arn) => {
            const out = await call('ListTags', () => sagemaker.send(new sm.ListTagsCommand({ ResourceArn: arn, MaxResults: 100 }), sendOptions));
            return Object.fromEntries((out.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']));
        },
        createModel: async (body) => {
            await call('CreateModel', () => sagemaker.send(new sm.CreateModelCommand(body), sendOptions));
        },
        createEndpointConfig: async (body) => {
            await call('CreateEndpointConfig', () => sagemaker.send(new sm.CreateEndpointConfigCommand(body), sendOptions));
        },
        createEndpoint: async (body) => {
            await call('CreateEndpoint', () => sagemaker.send(new sm.CreateEndpointCommand(body), sendOptions));
        },
        updateEndpoint: async (body) => {
            await call('UpdateEndpoint', () => sagemaker.send(new sm.UpdateEndpointCommand(body), sendOptions));
        },
        deleteModel: async (name) => {
            await call('DeleteModel', () => sagemaker.send(new sm.DeleteModelCommand({ ModelName: name }), sendOptions));
        },
        deleteEndpointConfig: async (name) => {
            await call('DeleteEndpointConfig', () => sagemaker.send(new sm.DeleteEndpointConfigCommand({ EndpointConfigName: name }), sendOptions));
        },
        putMetricAlarm: async (body) => {
            await call('PutMetricAlarm', () => cloudwatch.send(new cw.PutMetricAlarmCommand(body), sendOptions));
        },
        describeAlarms: async (names) => {
            if (names.length === 0)
                return [];
            const out = await call('DescribeAlarms', () => cloudwatch.send(new cw.DescribeAlarmsCommand({
                AlarmNames: [...names],
                AlarmTypes: ['MetricAlarm'],
                MaxRecords: 100
            }), sendOptions));
            return out.MetricAlarms ?? [];
        },
        getMetricData: input => call('GetMetricData', () => cloudwatch.send(new cw.GetMetricDataCommand(input), sendOptions))
    };
}


/***/ })

};

//# sourceMappingURL=685.index.js.map