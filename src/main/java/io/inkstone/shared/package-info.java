/**
 * Shared kernel: ids, configuration, reader identity, domain exceptions and the data-directory
 * infrastructure. No business beans live here; every module may use it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.inkstone.shared;
