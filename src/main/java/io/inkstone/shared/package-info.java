/**
 * Shared kernel: ids, configuration, reader identity, domain exceptions and the
 * data-directory infrastructure. No business beans live here; every module may use it.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package io.inkstone.shared;

import org.springframework.modulith.ApplicationModule;
