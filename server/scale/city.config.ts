// The generated city's installation file: MSP_CONFIG=server/scale/city.config.ts. How many
// districts it lists matters only to a new, empty database (pnpm generate:scale writes the
// units it generates); MSP_SCALE_DISTRICTS, else 15.
import { cityInstallation } from './city.ts'

export default cityInstallation(Number(process.env.MSP_SCALE_DISTRICTS?.trim() || 15))
