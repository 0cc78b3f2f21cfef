/**
 * Token ledger, write side: the {@link com.mrmentor.platform.command.tokens.TokenWallet} aggregate (one per user),
 * its governance policy, the grant/hold directory and the {@code /api/tokens} command endpoints.
 */
package com.mrmentor.platform.command.tokens;
