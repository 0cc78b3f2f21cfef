/** Sales CRM read models: leads, their timelines, follow-ups, bulk assignment requests, rules and reps. */
package com.mrmentor.platform.projections.crm;
