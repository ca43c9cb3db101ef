// node-gyp builds better-sqlite3 (no prebuilt binary is reachable) and, without a nodedir,
// tries to download Node's headers. Point it at the headers of the Node that runs pnpm.
// pnpm >= 11 passes only allow-listed variables to build scripts, hence extraEnv.
const fs = require('node:fs')
const path = require('node:path')

const nodedir = path.resolve(path.dirname(process.execPath), '..')
const haveHeaders = fs.existsSync(path.join(nodedir, 'include', 'node', 'node.h'))

module.exports = {
  hooks: {
    updateConfig(config) {
      if (!haveHeaders || process.env.npm_config_nodedir) return config
      config.extraEnv = { ...config.extraEnv, npm_config_nodedir: nodedir }
      return config
    },
  },
}
