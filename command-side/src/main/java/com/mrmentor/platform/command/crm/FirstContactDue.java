package com.mrmentor.platform.command.crm;

/** Deadline payload: first contact of the lead's {@code assignment}-th assignment is due. */
record FirstContactDue(int assignment) {
}
