package io.inkstone.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.Components;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import io.inkstone.shared.PublicUrl;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI description's header and the bearer security scheme (springdoc generates
 * the rest from the code).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	/**
	 * The server is the configured public URL (never the request's Host, like every
	 * absolute link of the site); the base is read per request because the port is only
	 * known once the server has started.
	 */
	@Bean
	OpenApiCustomizer inkstoneServer(PublicUrl publicUrl) {
		return api -> api.setServers(List.of(new Server().url(publicUrl.base()).description("this site")));
	}

	/**
	 * Swagger UI's OAuth2 redirect address from the configured public URL: springdoc
	 * otherwise builds it from the request's Host or X-Forwarded-Host. Set once the port
	 * is known (the address without a configured public URL names it).
	 */
	@Bean
	ApplicationListener<WebServerInitializedEvent> swaggerUiRedirectFromPublicUrl(
			ObjectProvider<SwaggerUiConfigProperties> ui, PublicUrl publicUrl) {
		return event -> ui.ifAvailable(properties -> properties
			.setOauth2RedirectUrl(publicUrl.absolute("/api/swagger-ui/oauth2-redirect.html")));
	}

	/**
	 * Every error answer is documented as what it is, an RFC 9457 problem
	 * ({@code application/problem+json}, schema {@code Problem}), not as the operation's
	 * success type; and the errors every caller can meet are listed: 400 for an operation
	 * that takes input, 404 for one that names a resource, 401/403/429 for one that needs
	 * a token.
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return api -> {
			Schema<Object> fieldError = object("One rejected field").addProperty("field", string("the input field"))
				.addProperty("code", string("the message key"))
				.addProperty("message", string("the message, in the caller's language"));
			Schema<Object> errors = new Schema<>();
			errors.setType("array");
			errors.setTypes(Set.of("array"));
			errors.setItems(fieldError);
			Schema<Object> status = new Schema<>();
			status.setType("integer");
			status.setTypes(Set.of("integer"));
			Schema<Object> problem = object("An RFC 9457 problem")
				.addProperty("type", string("a URI naming the kind of problem"))
				.addProperty("title", string("the HTTP reason"))
				.addProperty("status", status)
				.addProperty("detail", string("what went wrong"))
				.addProperty("instance", string("the path that was called"))
				.addProperty("errors", errors.description("field errors of a 400"));
			problem.setRequired(List.of("title", "status"));
			if (api.getComponents() == null) {
				api.setComponents(new Components());
			}
			api.getComponents().addSchemas("Problem", problem);
			if (api.getPaths() == null) {
				return;
			}
			api.getPaths()
				.forEach((path, item) -> item.readOperations().forEach(operation -> document(path, operation)));
		};
	}

	private static void document(String path, Operation operation) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		boolean takesInput = operation.getRequestBody() != null || operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(p -> !"path".equals(p.getIn()));
		boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
		Map<String, String> common = new LinkedHashMap<>();
		if (takesInput) {
			common.put("400", "bad input (field errors in errors[])");
		}
		if (secured) {
			common.put("401", "no token, or an unknown, revoked or expired one");
			common.put("403", "the token lacks the scope, or the account may not do this");
		}
		if (path.contains("{")) {
			common.put("404", "no such resource, or not yours");
		}
		if (!secured) {
			// a public read needs no token, but one sent is checked and counted
			common.put("401", "an unknown, revoked or expired token was sent (send none to read anonymously)");
		}
		common.put("429", "too many requests with this token (Retry-After says when to retry)");
		common.forEach((code, description) -> {
			if (!responses.containsKey(code)) {
				responses.addApiResponse(code, new ApiResponse().description(description));
			}
		});
		responses.forEach((code, response) -> {
			if (code.startsWith("4") || code.startsWith("5")) {
				response.setContent(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
			}
		});
		operation.setResponses(responses);
	}

	private static Schema<Object> object(String description) {
		Schema<Object> schema = new Schema<>();
		schema.setType("object");
		schema.setTypes(Set.of("object"));
		return schema.description(description);
	}

	private static Schema<Object> string(String description) {
		Schema<Object> schema = new Schema<>();
		schema.setType("string");
		schema.setTypes(Set.of("string"));
		return schema.description(description);
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
