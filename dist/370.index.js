export const id = 370;
export const ids = [370];
export const modules = {

/***/ 6370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bucketRegionOf: () => (/* binding */ bucketRegionOf),
/* harmony export */   createArtifactApi: () => (/* binding */ createArtifactApi)
/* harmony export */ });
/** The bucket's region S3 names in a redirect (301) or an error from another region. */
function bucketRegionOf(e) {
    const headers = e?.$response?.headers ?? {};
    const found = Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-amz-bucket-region');
    return found?.[1] || undefined;
}
const statusOf = (e) => e?.$metadata?.httpStatusCode;
/**
 * The S3 and ECR clients use the endpoint's region and never follow S3's region redirects: a
 * redirect is the answer (the artifact is in another region). Path-style addressing keeps a
 * bucket name with dots, and a local stand-in, working.
 */
async function createArtifactApi(config, call, sagemaker) {
    const [s3, ecr] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(711)]).then(__webpack_require__.t.bind(__webpack_require__, 3711, 19)), Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(249)]).then(__webpack_require__.t.bind(__webpack_require__, 8249, 19))]);
    const region = String(config['region']);
    const s3Client = new s3.S3Client({
        ...config,
        followRegionRedirects: false,
        forcePathStyle: true
    });
    const ecrClient = new ecr.ECRClient(config);
    /** One HEAD: found, missing (404), or in another region; anything else is thrown. */
    const head = (operation, o, send) => call(operation, o, async (abortSignal) => {
        try {
            await send(abortSignal);
            return { kind: 'found' };
        }
        catch (e) {
            const elsewhere = bucketRegionOf(e);
            if (elsewhere && elsewhere !== region) {
                return { kind: 'other-region', bucketRegion: elsewhere };
            }
            if (statusOf(e) === 404)
                return 'not-found';
            // A HEAD has no body: a 403 comes as "Forbidden", which the action reads as denied access.
            if (statusOf(e) === 403)
                throw Object.assign(e, { name: 'AccessDenied' });
            throw e;
        }
    });
    const headBucket = async (bucket, o) => {
        const answer = await head('HeadBucket', o, abortSignal => s3Client.send(new s3.HeadBucketCommand({ Bucket: bucket }), { abortSignal }));
        return answer === 'not-found' ? { kind: 'missing-bucket' } : answer;
    };
    return {
        headObject: async (bucket, key, o) => {
            if (key === '' || key.endsWith('/'))
                return headBucket(bucket, o);
            const answer = await head('HeadObject', o, abortSignal => s3Client.send(new s3.HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal }));
            if (answer !== 'not-found')
                return answer;
            // A HEAD has no body: its 404 does not say whether the key or the bucket is missing.
            const bucketAnswer = await headBucket(bucket, o).catch(() => undefined);
            return bucketAnswer?.kind === 'missing-bucket' ? bucketAnswer : { kind: 'missing-key' };
        },
        describeImage: (registryId, repositoryName, image, o) => call('DescribeImages', o, async (abortSignal) => {
            try {
                const imageId = 'tag' in image ? { imageTag: image.tag } : { imageDigest: image.digest };
                await ecrClient.send(new ecr.DescribeImagesCommand({ registryId, repositoryName, imageIds: [imageId] }), { abortSignal });
                return { kind: 'found' };
            }
            catch (e) {
                const name = e?.name;
                if (name === 'RepositoryNotFoundException')
                    return { kind: 'missing-repository' };
                if (name === 'ImageNotFoundException')
                    return { kind: 'missing-image' };
                throw e;
            }
        }),
        describeModelPackage: async (arn, o) => {
            const { sm, client } = await sagemaker();
            return call('DescribeModelPackage', o, async (abortSignal) => {
                try {
                    const out = await client.send(new sm.DescribeModelPackageCommand({ ModelPackageName: arn }), { abortSignal });
                    return {
                        status: out.ModelPackageStatus,
                        approval: out.ModelApprovalStatus,
                        certifyForMarketplace: out.CertifyForMarketplace === true,
                        groupName: out.ModelPackageGroupName
                    };
                }
                catch (e) {
                    // SageMaker says "ValidationException: Model Package ... does not exist."
                    const err = e;
                    if (err?.name === 'ValidationException' &&
                        /does not exist|could not find/i.test(err.message ?? ''))
                        return undefined;
                    throw e;
                }
            });
        },
        destroy: () => {
            s3Client.destroy();
            ecrClient.destroy();
        }
    };
}


/***/ })

};

//# sourceMappingURL=370.index.js.map