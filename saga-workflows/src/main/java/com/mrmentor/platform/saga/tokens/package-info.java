/** Token ledger workflows: the approval of large grants, which lapses if nobody decides in time. */
package com.mrmentor.platform.saga.tokens;
