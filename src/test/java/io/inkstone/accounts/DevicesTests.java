package io.inkstone.accounts;

import java.util.Locale;

import io.inkstone.support.Bundles;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.support.GenericWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session's device is described from its User-Agent as the page renders; WeChat's
 * in-app browser is named in the reader's language, from the bundles.
 */
class DevicesTests {

	private static final String WECHAT_ON_ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36"
			+ " (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.50";

	@AfterEach
	void leaveTheRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	private static void renderingFor(Locale locale) {
		GenericWebApplicationContext context = new GenericWebApplicationContext();
		context.registerBean("messageSource", MessageSource.class, Bundles::messages);
		context.refresh();
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addPreferredLocale(locale);
		request.setAttribute(DispatcherServlet.WEB_APPLICATION_CONTEXT_ATTRIBUTE, context);
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
	}

	@Test
	void weChatIsNamedInTheReadersLanguage() {
		renderingFor(Locale.SIMPLIFIED_CHINESE);
		assertThat(AccountSettingsController.device(WECHAT_ON_ANDROID)).isEqualTo("微信 · Android");
		renderingFor(Locale.ENGLISH);
		assertThat(AccountSettingsController.device(WECHAT_ON_ANDROID)).isEqualTo("WeChat · Android");
	}

	@Test
	void otherBrowsersKeepTheirOwnNames() {
		renderingFor(Locale.SIMPLIFIED_CHINESE);
		assertThat(AccountSettingsController
			.device("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0)" + " Gecko/20100101 Firefox/128.0"))
			.isEqualTo("Firefox · Windows");
	}

}
