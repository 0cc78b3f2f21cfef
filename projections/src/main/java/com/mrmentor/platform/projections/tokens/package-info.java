/** Token ledger read models: account balances with their lots, the ledger lines, and the grants. */
package com.mrmentor.platform.projections.tokens;
