package io.inkstone.api;

import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The OpenAPI description also at {@code /api/v1/openapi.json}, where v1 clients look for
 * it.
 */
@Hidden
@Controller
class OpenApiAliasController {

	@GetMapping("/api/v1/openapi.json")
	String openApi() {
		return "forward:/api/openapi.json";
	}

}
