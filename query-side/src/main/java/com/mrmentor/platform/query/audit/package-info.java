/** Reading an aggregate's events exactly as stored, with metadata and global position, for auditors. */
package com.mrmentor.platform.query.audit;
