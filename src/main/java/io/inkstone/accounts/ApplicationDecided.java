package io.inkstone.accounts;

/** A 申请入驻 application was decided; the accounts module tells the applicant by e-mail. */
public record ApplicationDecided(long accountId, boolean approved, String reason) {
}
