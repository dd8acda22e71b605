/** A package that cannot be read at all: the CLI prints its message on one line and exits 2. */
export class PackageError extends Error {}
