// Certificate pre-flight checks for `gen-collections certs`.
import GenCollectionsCore
