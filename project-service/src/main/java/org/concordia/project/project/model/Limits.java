package org.concordia.project.project.model;

/** The sizes the API accepts, the same ones the domain enforces. */
public final class Limits {

    public static final int ID = 64;
    public static final int TITLE = 200;
    public static final int SUMMARY = 4000;
    public static final int GOALS = 20;
    public static final int GOAL = 500;
    public static final int PROGRAMME = 200;
    public static final int REASON = 1000;
    public static final int CITY = 100;
    /** Amounts below ten trillion, to the cent. */
    public static final int AMOUNT_INTEGER_DIGITS = 13;

    public static final int AMOUNT_FRACTION_DIGITS = 2;
    /** A project runs for at most this many years. */
    public static final int MAX_YEARS = 10;

    private Limits() {}
}
