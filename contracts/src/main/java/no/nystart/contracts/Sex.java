package no.nystart.contracts;

/** Legal sex as registered by the immigration authorities. */
public enum Sex {
    FEMALE,
    MALE
}
