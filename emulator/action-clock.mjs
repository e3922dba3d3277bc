// The stepped-time preload's entry (`node --import`): installs action-clock.cjs, then holds the
// action's own code back until the emulator wakes this process for the first time, so that
// processes started together begin one after the other, in the order they were started, and at
// a known simulated moment. Outside a test it does nothing (see action-clock.cjs).
import clock from './action-clock.cjs'

await clock.started
