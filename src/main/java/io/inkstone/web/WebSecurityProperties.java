package io.inkstone.web;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code inkstone.security.*}.
 *
 * @param rememberMeKey signs "remember me" cookies; empty, a key kept in the database is
 * used, so cookies survive restarts and every node agrees
 * @param metricsToken Bearer token for {@code /actuator/prometheus}; empty, the endpoint
 * is closed
 * @param signupsPerAddressHour sign-up attempts one client address may make per hour
 * @param requireTwoFactorForStaff admins and reviewers must turn on two-factor sign-in
 * before any staff page opens
 */
@ConfigurationProperties(prefix = "inkstone.security")
@Validated
public record WebSecurityProperties(@DefaultValue("") String rememberMeKey, @DefaultValue("") String metricsToken,
		@DefaultValue("10") @Positive int signupsPerAddressHour,
		@DefaultValue("false") boolean requireTwoFactorForStaff) {
}
