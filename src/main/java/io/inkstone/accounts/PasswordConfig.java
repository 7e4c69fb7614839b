package io.inkstone.accounts;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfig {

	/**
	 * BCrypt, cost 10: about 70 ms per check on the reference machine. BCrypt reads only
	 * the first 72 bytes, and sign-up refuses longer passwords
	 * ({@link Accounts#acceptablePassword}), so a longer one at sign-in cannot be the
	 * password: it is wrong, rather than matching on its first 72 bytes.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence raw) {
				return bcrypt.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				return raw != null
						&& raw.toString().getBytes(StandardCharsets.UTF_8).length <= Accounts.MAX_PASSWORD_BYTES
						&& bcrypt.matches(raw, encoded);
			}

			@Override
			public boolean upgradeEncoding(String encoded) {
				return bcrypt.upgradeEncoding(encoded);
			}

		};
	}

}
