'use strict'
// Preloaded into the action's process (through action-clock.mjs, `node --import`) when it runs
// against an emulator on stepped time (emulator/stepped-time.ts). It never ships: the bundle is unchanged, and outside a
// test (no IPC channel, no EMULATOR_CLOCK variable) this file does nothing.
//
// What it does: the process's clock becomes the emulator's simulated clock. `Date`, `setTimeout`,
// `setInterval` and `AbortSignal.timeout` run on virtual time, which stands still while this
// process works. When the process has nothing left to do but wait (its event loop is empty but for
// virtual timers and requests the emulator holds), it tells the emulator when its next timer is
// due; the emulator moves simulated time there once every action it runs is waiting, and wakes it.
// So what the action sees depends only on simulated time, never on how fast the machine is.
//
// Requests to the emulator carry `x-emulator-request: <client>.<n>` so the emulator knows which of
// them a waiting process still expects; their sockets are unref'd, so a request the emulator holds
// (an injected fault) counts as waiting, as it would on a real network. Math.random is seeded, so
// jittered waits fall the same way every run.

const clientId = process.env.EMULATOR_CLOCK_CLIENT
const emulatorPort = process.env.EMULATOR_CLOCK_PORT
const start = Number(process.env.EMULATOR_CLOCK_NOW)

/** Resolved at the first wake: the action's code starts then (action-clock.mjs awaits it). */
let started = Promise.resolve()
if (clientId && emulatorPort && Number.isFinite(start) && typeof process.send === 'function') {
  delete process.env.EMULATOR_CLOCK_CLIENT // a process the action starts runs on its own clock
  process.env.NODE_OPTIONS = (process.env.NODE_OPTIONS || '')
    .replace(/--import[= ]("[^"]*action-clock\.mjs"|\S*action-clock\.mjs)/g, '')
    .trim()
  started = install()
}
module.exports = { started }

function install() {
  let begin
  const first = new Promise(resolve => (begin = resolve))
  const http = require('node:http')
  const channel = process.channel
  channel.unref()

  let now = start
  let seq = 0
  let waiting = false
  let stdoutBytes = 0
  let requests = 0
  const inflight = new Set()

  // --- seeded randomness (mulberry32)
  let state = Number(process.env.EMULATOR_CLOCK_SEED || 1) >>> 0
  Math.random = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  // --- simulated Date
  const RealDate = Date
  function SimulatedDate(...args) {
    if (!new.target) return new RealDate(now).toString()
    return args.length === 0 ? new RealDate(now) : new RealDate(...args)
  }
  SimulatedDate.prototype = RealDate.prototype
  SimulatedDate.now = () => now
  SimulatedDate.parse = RealDate.parse
  SimulatedDate.UTC = RealDate.UTC
  globalThis.Date = SimulatedDate

  // --- virtual timers
  const realSetImmediate = setImmediate
  const timers = new Map()
  class VirtualTimeout {
    constructor(callback, ms, args, repeat) {
      this.id = ++seq
      this.callback = callback
      this.args = args
      this.ms = Math.max(1, Math.floor(Number(ms) || 0))
      this.repeat = repeat
      this.refed = true
      this.due = now + this.ms
      timers.set(this.id, this)
    }
    ref() {
      this.refed = true
      return this
    }
    unref() {
      this.refed = false
      return this
    }
    hasRef() {
      return this.refed
    }
    refresh() {
      this.due = now + this.ms
      timers.set(this.id, this)
      return this
    }
    close() {
      timers.delete(this.id)
      return this
    }
    [Symbol.toPrimitive]() {
      return this.id
    }
    [Symbol.dispose]() {
      this.close()
    }
  }
  const clear = timer => {
    if (timer instanceof VirtualTimeout) timers.delete(timer.id)
    else if (typeof timer === 'number') timers.delete(timer)
  }
  globalThis.setTimeout = (callback, ms, ...args) => new VirtualTimeout(callback, ms, args, false)
  globalThis.setInterval = (callback, ms, ...args) => new VirtualTimeout(callback, ms, args, true)
  globalThis.clearTimeout = clear
  globalThis.clearInterval = clear
  AbortSignal.timeout = ms => {
    const controller = new AbortController()
    new VirtualTimeout(
      () =>
        controller.abort(
          new DOMException('The operation was aborted due to timeout', 'TimeoutError')
        ),
      ms,
      [],
      false
    ).unref()
    return controller.signal
  }
  const timersModule = require('node:timers')
  Object.assign(timersModule, {
    setTimeout: globalThis.setTimeout,
    setInterval: globalThis.setInterval,
    clearTimeout: clear,
    clearInterval: clear
  })

  const due = () =>
    [...timers.values()].filter(t => t.due <= now).sort((a, b) => a.due - b.due || a.id - b.id)
  const fireDue = () => {
    const next = due()[0]
    if (next === undefined) return
    if (next.repeat) next.due = now + next.ms
    else timers.delete(next.id)
    try {
      next.callback(...next.args)
    } finally {
      realSetImmediate(fireDue)
    }
  }

  // --- activity and waiting
  const activity = () => {
    if (waiting) {
      waiting = false
      channel.unref()
    }
  }
  process.on('message', message => {
    if (!message || typeof message.now !== 'number') return
    now = Math.max(now, message.now)
    activity()
    if (message.emulatorClock === 'wake') {
      begin()
      realSetImmediate(fireDue)
    }
    // The test runner's signals come this way, with the moment they arrive: handled now, as Node
    // handles a signal (its listeners), or the process ends by it when it has none.
    else if (message.emulatorClock === 'signal') {
      if (process.listenerCount(message.signal) > 0) process.emit(message.signal, message.signal)
      else process.kill(process.pid, message.signal)
    }
  })
  const emit = process.emit
  process.emit = function (event, ...args) {
    if (event === 'SIGINT' || event === 'SIGTERM') activity()
    return emit.call(this, event, ...args)
  }
  process.on('beforeExit', () => {
    if (waiting) return
    const refed = [...timers.values()].some(t => t.refed)
    // Nothing but unref'd timers: the process ends here, as it would on a real clock.
    if (!refed && inflight.size === 0) return
    let until = Infinity
    for (const t of timers.values()) until = Math.min(until, t.due)
    waiting = true
    channel.ref()
    process.send({
      emulatorClock: 'idle',
      until: Number.isFinite(until) ? until : null,
      inflight: [...inflight],
      stdoutBytes,
      requests
    })
  })

  // --- stdout byte count (the emulator waits for every line printed before it moves time on)
  const write = process.stdout.write
  process.stdout.write = function (chunk, ...rest) {
    stdoutBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length
    return write.call(this, chunk, ...rest)
  }

  // --- requests to the emulator
  const request = http.request
  const toEmulator = options =>
    options && typeof options === 'object' && String(options.port) === emulatorPort
  http.request = function (...args) {
    const req = request.apply(this, args)
    const options = args.find(a => a && typeof a === 'object' && !(a instanceof URL))
    const url = args.find(a => a instanceof URL || typeof a === 'string')
    const port = options?.port ?? (url ? new URL(String(url)).port : undefined)
    if (toEmulator({ port })) {
      const id = `${clientId}.${++requests}`
      req.setHeader('x-emulator-request', id)
      // What it printed before: the emulator handles the request once the test has all of it.
      req.setHeader('x-emulator-stdout', String(stdoutBytes))
      inflight.add(id)
      const settle = () => {
        if (inflight.delete(id)) activity()
      }
      // Waiting until the whole answer has arrived: its headers alone do not end the request.
      req.on('socket', socket => socket.unref())
      req.on('response', response => {
        // Answered at this simulated moment (later than our clock, if the emulator held it).
        const answeredAt = Number(response.headers['x-emulator-now'])
        if (Number.isFinite(answeredAt)) now = Math.max(now, answeredAt)
        response.on('end', settle)
        response.on('close', settle)
        response.on('error', settle)
      })
      req.on('error', settle)
      req.on('close', settle)
    }
    return req
  }
  require('node:module').syncBuiltinESMExports()

  // Nothing runs before the first wake: report waiting, due now.
  waiting = true
  channel.ref()
  process.send({ emulatorClock: 'idle', until: now, inflight: [], stdoutBytes: 0 })
  return first
}
