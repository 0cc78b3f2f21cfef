/** Token ledger, read side: balances, ledger pages, grants and the wallet's stored history. */
package com.mrmentor.platform.query.tokens;
