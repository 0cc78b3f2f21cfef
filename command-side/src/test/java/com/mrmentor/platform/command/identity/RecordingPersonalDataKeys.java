package com.mrmentor.platform.command.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@link PersonalDataKeys} that records whose key was destroyed. */
final class RecordingPersonalDataKeys implements PersonalDataKeys {

    final List<UUID> erased = new ArrayList<>();

    @Override
    public void erase(UUID subject) {
        erased.add(subject);
    }
}
