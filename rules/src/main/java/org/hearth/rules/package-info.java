/** Pure detection rules. */
package org.hearth.rules;
