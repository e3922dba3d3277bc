export const id = 551;
export const ids = [551];
export const modules = {

/***/ 1551:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGateApi: () => (/* binding */ createGateApi)
/* harmony export */ });
/**
 * A golden request is tried once: a throttled or failed one is counted as an error, never
 * retried into a second request the endpoint's metrics would count too.
 */
async function createGateApi(config, call, cloudwatch) {
    const runtime = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(636)]).then(__webpack_require__.t.bind(__webpack_require__, 9636, 19));
    const client = new runtime.SageMakerRuntimeClient(config(1));
    const decoder = new TextDecoder();
    return {
        invokeEndpoint: async (input, o) => {
            const out = await call('InvokeEndpoint', o, abortSignal => client.send(new runtime.InvokeEndpointCommand({
                EndpointName: input.endpointName,
                Body: new TextEncoder().encode(input.body),
                ContentType: input.contentType,
                ...(input.accept !== undefined ? { Accept: input.accept } : {})
            }), { abortSignal }));
            return { body: out.Body ? decoder.decode(out.Body) : '', contentType: out.ContentType };
        },
        putMetricData: async (namespace, data, o) => {
            const { cw, client: cwClient } = await cloudwatch();
            await call('PutMetricData', o, abortSignal => cwClient.send(new cw.PutMetricDataCommand({ Namespace: namespace, MetricData: data }), { abortSignal }));
        },
        destroy: () => client.destroy()
    };
}


/***/ })

};

//# sourceMappingURL=551.index.js.map