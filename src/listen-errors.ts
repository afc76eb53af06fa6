import type { Config } from './config.js';

/**
 * A listen failure as one line naming the variable to fix ("getaddrinfo ENOTFOUND" names none), or
 * null when it is not the configuration's fault.
 */
export function listenProblem(error: unknown, config: Pick<Config, 'HOST' | 'PORT'>): string | null {
  const { HOST: host, PORT: port } = config;
  switch ((error as { code?: string }).code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `Invalid configuration: HOST: ${host} is not an address or a host name this machine can resolve`;
    case 'EADDRNOTAVAIL':
      return `Invalid configuration: HOST: ${host} is not an address of this machine`;
    case 'EADDRINUSE':
      return `Invalid configuration: PORT: ${port} is already in use on ${host}`;
    case 'EACCES':
    case 'EPERM':
      return `Invalid configuration: PORT: no permission to listen on ${port} (ports below 1024 need privileges)`;
    default:
      return null;
  }
}
