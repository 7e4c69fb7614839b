/**
 * Shared kernel: ids, configuration, reader identity, domain exceptions and the
 * data-directory infrastructure. No business beans live here; every module may use it.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package io.inkstone.shared;

import org.springframework.modulith.ApplicationModule;
