package io.inkstone.accounts;

/** An admin or reviewer, as the staff page lists them. */
public record StaffMember(long id, String email, String displayName, String role) {
}
