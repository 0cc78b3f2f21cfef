/** Helpers every command endpoint shares: sending a command and waiting for its outcome, the acting user. */
package com.mrmentor.platform.command.common;
