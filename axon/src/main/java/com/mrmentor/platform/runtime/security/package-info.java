/**
 * Security baseline: stateless JWT bearer authentication, bootstrap users from configuration, sign-in, and the
 * route table that says who may call what (everything unstated is denied).
 */
package com.mrmentor.platform.runtime.security;
