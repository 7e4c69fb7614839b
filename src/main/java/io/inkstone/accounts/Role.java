package io.inkstone.accounts;

/**
 * What an account may do. Readers read and follow; creators publish; reviewers decide;
 * admins run the site.
 */
public enum Role {

	READER, CREATOR, REVIEWER, ADMIN

}
