package com.mrmentor.platform.command.identity;

import java.util.UUID;

/**
 * Encrypts secrets that must stay readable to the server (TOTP secrets) under their owner's personal-data key, so
 * that a leaked table does not give them away and erasing the owner destroys them too.
 */
public interface SecretSealer {

    String seal(UUID owner, String secret);

    String open(String sealed);
}
