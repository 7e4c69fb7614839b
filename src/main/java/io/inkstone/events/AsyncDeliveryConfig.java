package io.inkstone.events;

import java.lang.reflect.Method;

import io.inkstone.shared.DatabaseBusy;

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
		if (DatabaseBusy.is(ex)) {
			// SQLite's one writer was taken past the busy timeout (a large import on
			// first start): nothing is wrong, the redelivery tries again
			log.info("Listener {}.{} found the database busy; its delivery will be retried: {}",
					method.getDeclaringClass().getSimpleName(), method.getName(), DatabaseBusy.rootMessage(ex));
			return;
		}
		log.error("Listener {}.{} failed; its delivery will be retried", method.getDeclaringClass().getSimpleName(),
				method.getName(), ex);
	}

}
