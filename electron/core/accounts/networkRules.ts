import { isPrivateApiAddress, type NetworkSetting } from '#contract/accounts';
import { AppError } from '../appError';

/**
 * A custom API address receives the AppSecret (stable_token) and every access token: over plain
 * http:// to another computer anyone on the way could read them. Only https, or http to this
 * computer, is accepted — on saving, on testing, and before a saved setting sends a secret.
 */
export function checkNetwork(network: NetworkSetting | undefined): void {
  if (network?.mode === 'custom-base' && !isPrivateApiAddress(network.baseUrl))
    throw new AppError('API_ADDRESS_INSECURE', { field: 'baseUrl' });
}
