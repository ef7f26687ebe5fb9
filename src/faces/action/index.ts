// The action's entry (action.yml runs the bundle of this file): everything is in main.ts.
import './main.js'
