package io.inkstone.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description's header and the bearer security scheme (springdoc generates the rest from the code). */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	/**
	 * The server is the configured public URL (never the request's Host, like every absolute link of the site); the
	 * base is read per request because the port is only known once the server has started.
	 */
	@Bean
	org.springdoc.core.customizers.OpenApiCustomizer inkstoneServer(io.inkstone.shared.PublicUrl publicUrl) {
		return api -> api.setServers(java.util.List.of(new io.swagger.v3.oas.models.servers.Server().url(publicUrl.base())
			.description("this site")));
	}

	@Bean
	OpenAPI inkstoneOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Inkstone API")
				.version("v1")
				.description("Read published articles, channels and creators; write your own articles with a personal "
						+ "access token from /studio/tokens (Authorization: Bearer ink_…). Errors are "
						+ "application/problem+json (RFC 9457).")
				.license(new License().name("Apache-2.0")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A personal access token from /studio/tokens")));
	}

}
