package io.inkstone.governance;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code inkstone.compliance.*}.
 *
 * @param profile cn-mainland | eu-dsa | minimal
 * @param duties per-duty overrides, duty name → on/off (see
 * {@link ComplianceProfile#DUTIES})
 */
@ConfigurationProperties(prefix = "inkstone.compliance")
record ComplianceProperties(@DefaultValue("minimal") String profile, Map<String, Boolean> duties) {
}
