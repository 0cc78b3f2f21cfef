/** The write side: aggregates that enforce the rules, and the HTTP endpoints that send them commands. */
package com.mrmentor.platform.command;
