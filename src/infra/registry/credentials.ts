import { readDockerConfig } from '../docker-config.js'
import { run } from '../process.js'
import { storedCredentials, type Credentials } from './client.js'

/**
 * The credentials the docker CLI would send to `host`: those `docker login` stored in config.json,
 * else what its credential helper (`credHelpers`, then `credsStore`) answers, as docker asks it.
 */
export async function credentialsFor(host: string, env: NodeJS.ProcessEnv): Promise<Credentials | undefined> {
  const stored = storedCredentials(host, env)
  if (stored) return stored
  const config = readDockerConfig(env)
  const helper = config?.credHelpers?.[host] ?? config?.credsStore
  if (!helper) return undefined
  const res = await run(`docker-credential-${helper}`, ['get'], { env, input: host, allowFailure: true })
  if (res.code !== 0) return undefined
  try {
    const json = JSON.parse(res.stdout) as { Username?: string; Secret?: string }
    return json.Secret ? { username: json.Username ?? '', password: json.Secret } : undefined
  } catch {
    return undefined
  }
}
