/**
 * The seeds' project, loaded with {@code concordia.demo.load=true} once the demo organizations have arrived from
 * {@code organization-events}: "Współpraca międzynarodowa jako metoda budowania lokalnego potencjału integracyjnego
 * polskich miast (Lublina i Białegostoku)".
 */
@NullMarked
package org.concordia.project.demo;

import org.jspecify.annotations.NullMarked;
