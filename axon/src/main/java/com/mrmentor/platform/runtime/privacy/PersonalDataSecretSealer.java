package com.mrmentor.platform.runtime.privacy;

import com.mrmentor.platform.command.identity.SecretSealer;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Seals identity secrets with the owner's personal-data key (see {@link PersonalDataCipher}). */
@Component
class PersonalDataSecretSealer implements SecretSealer {

    private final PersonalDataCipher cipher;

    PersonalDataSecretSealer(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String seal(UUID owner, String secret) {
        return cipher.seal(owner, secret);
    }

    @Override
    public String open(String sealed) {
        return sealed == null ? null : cipher.open(sealed);
    }
}
