package io.inkstone.accounts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Words of a device's short description that differ by language: read from the bundles in
 * the language of the request that shows them (the description is computed as the page
 * renders, from the session's stored User-Agent).
 */
final class Devices {

	/** Outside a request (no page to show it on): the name WeChat gives itself abroad. */
	private static final String WECHAT = "WeChat";

	private Devices() {
	}

	/** WeChat's in-app browser, {@code device.wechat}: 微信, WeChat. */
	static String wechat() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			WebApplicationContext context = RequestContextUtils.findWebApplicationContext(request);
			if (context != null) {
				return context.getMessage("device.wechat", null, WECHAT, RequestContextUtils.getLocale(request));
			}
		}
		return WECHAT;
	}

}
