// The SageMaker service model the emulator validates requests against (see models/extract.ts).

import { loadShapeModel } from './shapes.js'

export const SAGEMAKER_SHAPES = loadShapeModel('sagemaker.json')
