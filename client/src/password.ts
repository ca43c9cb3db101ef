// A first password for an account, made in the administrator's browser: the server refuses
// one under 10 characters, so 18 of 57 symbols (105 bits) leaves nothing to guess.

/** No 0/O, 1/l/I: the administrator may read it out or copy it by hand. */
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

export function generatePassword(length = 18): string {
  // Bytes at or above the last whole multiple of the alphabet are drawn again: no symbol is likelier.
  const limit = 256 - (256 % alphabet.length)
  let password = ''
  while (password.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && password.length < length) password += alphabet[byte % alphabet.length]
    }
  }
  return password
}
