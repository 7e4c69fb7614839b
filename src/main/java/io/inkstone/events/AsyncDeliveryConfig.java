package io.inkstone.events;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * {@code @ApplicationModuleListener}s run asynchronously on Boot's task executor. A
 * listener that fails leaves its publication incomplete for {@link EventRedelivery}; a
 * {@link DeliveryFailed} has been logged by its listener already, anything else is logged
 * here with its stack trace.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncDeliveryConfig implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(AsyncDeliveryConfig.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return AsyncDeliveryConfig::failed;
	}

	static void failed(Throwable ex, Method method, Object... params) {
		if (ex instanceof DeliveryFailed) {
			log.debug("Delivery to {} failed, will be retried: {}", method.getName(), ex.getMessage());
			return;
		}
		log.error("Listener {}.{} failed; its delivery will be retried", method.getDeclaringClass().getSimpleName(),
				method.getName(), ex);
	}

}
