package io.inkstone.settings;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the mail, address and logo section on every render of the settings page (the
 * values as stored); a refused form of that section replaces it with the values as
 * posted. Keeps {@link AdminSettingsController} unaware of the section.
 */
@ControllerAdvice(assignableTypes = AdminSettingsController.class)
class SiteIdentityModel {

	private final AdminSiteIdentityController identity;

	SiteIdentityModel(AdminSiteIdentityController identity) {
		this.identity = identity;
	}

	@ModelAttribute("identity")
	SiteIdentitySection identity(HttpServletRequest request) {
		return identity.section(request, null, null, Map.of());
	}

}
