/**
 * Sales CRM, command side: the {@link com.mrmentor.platform.command.crm.Lead} aggregate, the one
 * {@link com.mrmentor.platform.command.crm.AssignmentDesk} (rules, reps, rotation, daily counts), bulk assignment
 * requests, and {@link com.mrmentor.platform.command.crm.LeadIntake}, which captures (de-duplicating against
 * {@link com.mrmentor.platform.command.crm.CrmDirectory}) and assigns in one unit of work.
 */
package com.mrmentor.platform.command.crm;
