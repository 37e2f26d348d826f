"""The words of a generated passphrase: 1292 short, common, easy-to-say English words.

Lowercase a-z, three to eight letters, all distinct, no homophones of each other (so a
passphrase read aloud is typed right) and nothing anyone would mind reading out in a
classroom. Four words chosen at random carry 4 x log2(1292) = 41.3 bits.
"""

from __future__ import annotations

# One string, split: a list literal of this many words would be a thousand lines.
WORDS: tuple[str, ...] = tuple(
    """
abbey able acorn acre actor add adobe agenda agent agile aisle alarm album alert alien alive alley
almond aloe alpha amber amigo ample amused anchor ancient angel angle angora anise ankle antler apex
apple april apron arch arctic arena argon aroma arrow ascot aspen aster atlas atom attic audio aura
autumn avenue avocado award axis badge badger bagel bake baker balcony ballad ballet balm bamboo
banana band banjo banner barley barn barrel basil basket baton bay bayou beach beacon bead beagle
beam bean bear beaver bedrock beet beetle bell belt bench bend berry bicycle bird biscuit bison
bistro blade blanket blaze blender blimp blink bloom blossom blue board boat bobcat bolt bongo
bonnet bonsai bonus book boot booth border borrow bottle boulder bounce bowl box bramble branch
brass brave bread breeze brick bridge bright brisk broad bronze brook broom brownie brush bubble
bucket buckle buddy buffalo bugle build bulb bundle bunny burger burrito burrow butter button
buzzard cabin cable cactus cadet cafe cake calf calm camel camera camp canal candid candle candy
canoe canvas canyon cape captain caramel card careful cargo carpet carrot carry cart cashew castle
cat catch cattle cave cavern cedar celery cello cereal chain chair chalet chalk channel chapel chart
chase cheer cheerful cheese cheetah chef cherry chess chicken chili chilly chimney chip chord chorus
cider cinder cinema circle circus citrus city clam clarinet clay clean clever cliff climb clip cloak
clock cloud cloudy clove clover coach coast cobalt cobra cocoa coconut coffee coin collect colt
comet comma compass condor cone cook cookie copper coral cord cork corn cosmos cotton couch cougar
count cousin cove cowboy coyote cozy crab cradle crane crater crawl crayon cream creek crest cricket
crisp crocus crown crust crystal cube cuff cumin cup cupcake curly curry curtain curve cushion cycle
cypress dahlia daisy dance daring dart dawn decade deck deer delta denim desert desk dew dial
diamond diary dice dig dinghy dingo dinner dish disk ditto dive dizzy dock doctor dolphin dome
domino donkey doodle door dot dough dove dragon draw drawer dream drift drive drizzle drop drum duck
dune dust dynamo eager eagle early earth easel easy ebony echo eclipse edge eel egg elbow elder
elegant elephant elk elm ember emerald empty emu engine envelope epic equator eraser espresso exact
fable fabric fair falcon fan fancy farm fast fawn feast feather fence fennel fern ferret ferry
festival fetch fiddle field fiesta fig film finale finch find fire fish fjord flag flame flamingo
flannel flax fleet flint float flock floor flora flour fluffy flute fly foal foam focal fog fold
folk fondue font forest forge fork fort fossil fountain fox frame fresco fresh friendly frog frost
fruit fudge funny fuse fuzzy gadget galaxy gallon gap garden garlic gate gather gazebo gear gecko
gem gentle geyser giant gift ginger giraffe glacier glad glass glide glider globe glove glow glue
gnome goat goblet gold golden gondola goose gopher gorilla gown grain grand granite grape grass
gravel gravy griddle grotto grove grow guava guitar gulf gull gumbo gust haiku halibut hall halo
hamlet hammer hammock happy harbor hardy harmony harp harvest hat hatch hawk hay hazel hazelnut heap
heart hedge helium helmet hen herb hermit hero heron hickory hike hill hint hippo hive hobby hockey
holly honest honey hook hoop hop horizon horn hornet horse hose hotel house hum humble husky hut
hyena iceberg icon igloo iguana impala inch indigo ink inlet invent iris island ivory ivy jackal
jacket jade jaguar jam jar jasmine jasper javelin jazz jeep jelly jersey jester jet jewel jigsaw
jockey jog jolly journal journey judge jug juggle juice jumbo jump jungle juniper kayak kazoo keel
keep kelp kernel ketchup kettle key kick kiln kimono kind king kingdom kiosk kitchen kite kitten
kiwi knee knit knot koala lace lad ladder ladle lagoon lake lamb lamp lane lantern laptop large lark
lasagna lasso latch latte laugh lava lawn leaf leap learn ledge legend lemon lemur lens lentil
letter lettuce library lift lilac lily limb limbo lime linden linen link lint lion listen lively
lizard llama lobby lobster lock locket locust loft lollipop loop lotus loud lucky lumber lunar lute
macaw magic magma magnet mail mallard mammoth mane mango manor map maple marble march marina market
marlin marsh mascot mask mat maze meadow meal melody melon mentor merit merry mesa metal meteor
mighty mile mill mimosa minnow mint mirror mist misty mitten mix moat mocha model modern mole monkey
monsoon moon moose mosaic moss motor mountain mouse muffin mug mural museum mushroom music mustang
myth nacho nail nap napkin narwhal navy nebula nectar needle nest nickel nimbus noble nomad noodle
nook north note nougat nut nutmeg oak oar oasis oat oatmeal object oboe ocean ocelot octopus odd
olive omelet onion onyx opal open opera orange orbit orchard orchid oregano ostrich otter outlet
oven owl oyster pad paddle page pagoda pail paint palace palm pan pancake panda panther papaya paper
paprika parade park parrot parsley pass pasta pastel path patio paw peach peacock peak peanut pear
pearl pebble pecan pelican pen pencil penguin pepper pet petal pewter piano piccolo pick pickle
picnic pie pier pig pigeon pillow pilot pin pine pinto pipe pit pixel pizza plain planet plant play
plaza plot plug plum plume pocket pod poem polar pole polite polka pond pony pool popcorn poppy
porch port possum pot potato pottery pouch pour prairie press pretzel prism prize proud pudding
pueblo puffin pull pulp pulsar pump pumpkin puppy push puzzle python quail quartz quasar queen
quiche quick quiet quilt quiver rabbit raccoon rack radar radio radish radius raft rail rain rainbow
raisin ramen ramp ranch rapid raptor rare raven ravine read ready recipe reef reindeer relax relish
rhino rhythm ribbon rice rich riddle ride rim ring ripple river roam robe robin robot rock rocket
rod rodeo roll roof rooster root rope rose rosemary rosy round rover row royal ruby rug ruler run
rustic rye saddle safe saffron sage sail salad salmon salsa salt sand sandal sandy sapphire sardine
satin saucer scale scan scarf school scone scooter seal seam search season seed sequoia shadow shark
shed sheep shelf shell sherbet shine shiny ship shore shrimp sierra silent silk silo silver simple
sing sink sip sitar skate sketch ski skiff skip sky skylark slalom slate sled sleep sleepy slide
slipper slope slow smart smile smock smooth snack snail snow snowy soap sock sofa soft solid
sonnet sorbet sort soup spark spice spicy spider spin spinach spire splash sponge spoon spring
sprint sprout spur squid squirrel stack stair stallion stamp star starling statue steady steam stem
sterling stew stir stone stool storm stove straw stream street string stroll strudel stump sturdy
sugar suit summer summit sun sundae sunny sunset super surf sushi swamp swan sweater sweet swift
swim swing symbol tabby table tablet tack taco tadpole tail talk tall tamale tango tank tape tapir
tart taste tea teacup teapot tempo tent thistle thorn throw thunder thyme tickle tide tidy tiger
tile timber tiny toad toast toe token tomato tool top topaz torch toss tote toucan tough tower town
toy tractor trail train travel tray tree trek trellis trolley trot trout truffle trumpet tub tube
tulip tumble tuna tundra tune tunnel turkey turnip turtle tuxedo twig twist ukulele umbrella unicorn
urn valley van vanilla vapor vase vault vector velvet venture verse vest viking vine vinyl violet
violin visor vista vivid volcano vortex vowel wade wafer waffle wagon walk wall walnut walrus wand
wander warbler warm wasabi wash wasp water watt wave wavy web wedge well whale wheat wheel whisper
whistle wick wide wiggle wild willow win window windy wing wink winter wire wise witty wizard wolf
wombat wood wool wren write yacht yard yarn yawn yeti yodel yogurt yolk young zebra zephyr zero
zesty ziggurat zinc zinnia zipper zone zoom
""".split()  # noqa: SIM905
)
