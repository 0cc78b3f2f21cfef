/** Vocabulary shared by every bounded context: rule violations, metadata keys, platforms. */
package com.mrmentor.platform.shared.common;
