/** SQLite (xerial sqlite-jdbc, WAL) adapter for the store ports, with Flyway schema migrations. */
package org.hearth.gateway.store.sqlite;
