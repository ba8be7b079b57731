// Demo corpus of the builtin base `tiny-mlp-en`: plain general-English prose (everyday scenes, nature,
// simple science, instructions, letters, dialogue, fables), written for this project so the repository
// can ship it under its own licence. About 29 KB: enough for a small model to learn English word shapes
// and short-range grammar, small enough to train on in seconds. Paragraphs are separated by blank lines;
// each paragraph is one training example.

/** The whole corpus as one string. */
export const GENERAL_ENGLISH_TEXT = `
The morning began with rain. It fell softly on the roof and ran down the windows in thin, bright lines. Anna made a cup of tea and sat by the kitchen table to watch the street. A man with a black umbrella walked past, then a woman with a small dog in a yellow coat. The dog did not like the rain and pulled toward home.

By nine o'clock the rain had stopped and the sun came out from behind the clouds. The puddles on the road shone like pieces of glass. Children ran to school with their bags bouncing on their backs, and the baker on the corner opened his door and set out a board with the prices of bread and cakes.

Anna had a long list of things to do. She had to buy vegetables, return a book to the library, and call her brother, who lived in another city. She wrote the list on the back of an old envelope and put it in her pocket. Then she put on her boots, took her bag, and went out.

The market was busy. There were tables of apples and pears, carrots and potatoes, and bunches of fresh herbs that smelled of summer. An old farmer sold eggs from a wooden box. He told Anna that his hens laid more eggs when the days were long and warm, and fewer in the dark months of winter. She bought a dozen eggs, a bag of onions, and a small pumpkin for soup.

At the library, the woman behind the desk smiled and asked whether she had enjoyed the book. Anna said that she had, although the ending was sad. The librarian said that many readers felt the same way, and she suggested another book by the same writer. Anna took it home, even though she already had three books waiting on the shelf by her bed.

In the afternoon she called her brother. He told her about his new job, his noisy neighbours, and the garden he was trying to grow on a narrow balcony. He had planted tomatoes, beans, and a lemon tree in a large pot. The tomatoes were doing well, he said, but the lemon tree looked unhappy. Anna told him to give it more light and less water, and to be patient.

When evening came, she made the soup. She cut the pumpkin into pieces, fried the onions in a little butter, and added the pumpkin, some water, salt, and pepper. After half an hour the pumpkin was soft, and she blended everything until it was smooth. She ate the soup with warm bread and read the first chapter of the new book before she fell asleep.

A river begins as a small stream high in the hills. Rain and melting snow run down the slopes and gather in narrow channels. The channels join, and the water grows deeper and faster as it moves downhill. Over many years, the moving water cuts into the rock and carries sand and stones toward the lowlands.

In the lowlands the river slows down. It bends from side to side across the wide valley, and the sand it carries settles on the bottom and along the banks. Farmers have always liked these valleys, because the soil is rich and there is water for crops and animals. Towns grew up where people could cross the river, and later bridges were built at the same places.

Near the sea, the river spreads out into many small channels. Fresh water mixes with salt water, and the land becomes a maze of mud, reeds, and shallow pools. Birds come here in great numbers to feed on fish, worms, and insects. In spring and autumn, flocks that travel thousands of miles stop to rest before they continue their journey.

Trees are among the oldest living things on the land. A tree grows taller each year at the tips of its branches, and wider each year under its bark. When a tree is cut, you can see rings in the wood. Each ring marks one year of growth. A wide ring shows a good year with plenty of rain; a narrow ring shows a dry or cold year.

Leaves are the kitchens of a tree. They take in light from the sun, water from the roots, and air through tiny openings on their surface. With these simple things, they make sugar, which feeds the whole tree. In autumn many trees pull the useful parts out of their leaves and let them fall, because keeping leaves through a cold winter would cost more than it gives.

A forest is more than a group of trees. Mushrooms and other fungi live in the soil and wrap around the roots. They help the trees take in water and minerals, and in return they receive some of the sugar the trees make. Insects, birds, deer, foxes, and countless tiny creatures find food and shelter among the trunks, the fallen branches, and the thick layer of old leaves on the ground.

To bake a simple loaf of bread, you need flour, water, salt, and yeast. Mix the yeast with a little warm water and wait until it begins to bubble. Then add the flour and salt and the rest of the water, and stir until you have a rough dough. Turn the dough onto a table dusted with flour and knead it for about ten minutes, until it feels smooth and springs back when you press it.

Put the dough in a clean bowl, cover it with a cloth, and leave it in a warm place. After an hour or two it should be twice as big. Press it down gently, shape it into a round loaf, and let it rise again on a baking tray. Heat the oven while you wait. Bake the bread until the crust is golden brown and the loaf sounds hollow when you knock on the bottom. Let it cool before you cut it, if you can.

A good soup needs very little. Start with an onion, a carrot, and a stick of celery, cut small and cooked slowly in oil until they are soft and sweet. Add whatever vegetables you have, cover them with water or stock, and let the pot simmer. Taste it often. A pinch of salt, a squeeze of lemon, or a handful of fresh herbs at the end can turn a plain soup into a fine meal.

People have cooked rice for thousands of years, and almost every country has its own way of doing it. Some cooks rinse the rice several times to wash away the loose starch, so that the grains stay separate. Others keep the starch, because they want the rice to be soft and sticky. A common rule is to use a little less than twice as much water as rice, to bring it to a boil, and then to cook it on a low heat with the lid on until the water is gone.

The train left the station just after seven. Tom found a seat by the window and watched the city slide away: first the tall grey buildings, then rows of houses with small gardens, then fields, hedges, and a long line of hills on the horizon. A woman across the aisle was knitting a blue scarf, and a boy with headphones was drawing something in a notebook.

Travel by train has a gentle rhythm. There is time to read, to think, or simply to look out of the window. Tom liked to guess what the people in each village were doing. A farmer was driving a tractor across a field. Two children were waving from a bridge. A white horse stood alone under a tree, as still as a statue.

At noon the train reached the coast. The air smelled of salt and seaweed, and gulls were crying over the harbour. Tom walked from the station to a small hotel near the beach. His room was simple, with a narrow bed, a wooden chair, and a window that looked out over the grey and silver water. He left his bag on the chair and went out to walk along the shore.

The tide was going out. Wet sand stretched far into the distance, marked with the footprints of birds and the winding lines of worms. Small crabs hid under stones, and pools of clear water held shells, weeds, and tiny fish that darted away from his shadow. An old man with a bucket was collecting something from the rocks. He said he was gathering mussels for his dinner, and that the best ones grew where the waves were strongest.

The sun is a star, one of billions in our galaxy. It looks larger and brighter than the others only because it is so much closer to us. Light from the sun takes about eight minutes to reach the earth. Light from the next nearest star takes more than four years. On a clear, dark night, far from city lights, you can see thousands of stars, and the pale band of the galaxy stretching across the sky.

The earth turns once a day, which gives us day and night. It also travels around the sun once a year. Because the earth is tilted, each half of the planet leans toward the sun for part of the year and away from it for the rest. When your half leans toward the sun, the days are long and warm, and it is summer. When it leans away, the days are short and cold, and it is winter.

The moon has no light of its own. It shines because it reflects the light of the sun. As the moon travels around the earth, we see different amounts of its sunlit side, which is why it seems to change shape from a thin crescent to a full circle and back again. The pull of the moon also lifts the oceans a little, and this is the main cause of the tides.

Water can be a solid, a liquid, or a gas. When it is cold enough, it freezes into ice. When it is warmed, it melts and flows. When it is heated further, it turns into steam and rises into the air. Clouds form when warm, wet air rises and cools, and the water gathers into tiny drops around specks of dust. When the drops grow heavy enough, they fall as rain, or as snow if the air is cold.

Sound is a kind of wave that travels through the air. When you clap your hands, the air near them is pushed and squeezed, and the push passes from one bit of air to the next, much like a ripple on a pond. When the wave reaches your ear, it makes a thin skin inside the ear move, and your brain turns that movement into the sound you hear. Sound travels faster through water than through air, and faster still through metal or stone.

A magnet pulls on pieces of iron and steel. Every magnet has two ends, called poles. If you bring two magnets together, the opposite poles pull toward each other, while the same poles push apart. The earth itself behaves like a giant magnet, which is why the needle of a compass always turns to point roughly north. Sailors and travellers have used this simple fact to find their way for hundreds of years.

The human body is made of many tiny living units called cells. There are cells for skin, for blood, for bone, for muscle, and for the nerves that carry messages to and from the brain. Most cells live only for a while and are replaced by new ones. Your skin, for example, is slowly renewing itself all the time, even while you sleep.

The heart is a strong muscle about the size of a fist. It beats all day and all night, pushing blood through the body. The blood carries air from the lungs and food from the stomach to every cell, and it carries waste away. When you run or climb stairs, your heart beats faster, because your muscles need more air and more fuel.

Sleep is not wasted time. While we sleep, the body repairs itself and the brain sorts through the events of the day. People who do not sleep enough find it harder to think clearly, to remember things, and to stay calm. Most adults need seven to nine hours of sleep each night. Children need more, and babies sleep for most of the day.

Long ago, before there were clocks, people told the time by the sun. At noon the sun stood highest in the sky, and shadows were shortest. A stick set upright in the ground made a simple sundial: as the sun moved across the sky, the shadow of the stick turned slowly around it. Later, people built water clocks, candle clocks, and sand glasses, and at last mechanical clocks with wheels and springs.

Writing changed the world. Before writing, everything people knew had to be remembered and passed on by speaking. Stories, laws, and lists of goods all lived in human memory. When people began to make marks on clay, stone, and later paper, knowledge could last longer than a single life and travel farther than a single voice. Letters could be sent, records could be kept, and books could be copied and shared.

For a long time, books were copied by hand, one page at a time. A single book could take months to finish, and only the rich could afford to own one. When printing with movable letters spread, books became cheaper and far more common. More people learned to read, new ideas travelled quickly from town to town, and the number of schools and libraries grew.

Roads have connected towns and villages for thousands of years. The first roads were simple paths worn by feet and hooves. Later, people laid stones to keep the way firm in wet weather, and dug ditches beside the road to carry the water away. Good roads made trade easier, and along the busiest roads inns and markets appeared, where travellers could rest, eat, and buy what they needed.

Money makes trade simpler. Without money, a person who wanted shoes might have to find a shoemaker who wanted exactly what he had to offer, such as grain or cloth. With money, the farmer can sell his grain to anyone, and use the coins to buy shoes from anyone. Over time, coins were joined by paper notes, then by cheques and cards, and now many payments are made with a phone or a computer.

Dear Maria, thank you for your kind letter and for the photographs of the new house. The garden looks lovely, and I can see why you fell in love with the old apple tree. We are all well here. The children have started school again, and Sam has joined the football team. He practises every evening and comes home covered in mud. I hope you will visit us in the summer. With love, Helen.

Dear Mr Jones, I am writing to ask about the room you advertised in the local paper. I am a student at the college and I am looking for a quiet place to live from the start of next month. I do not smoke, and I do not have any pets. Could you please tell me whether the room is still available, and when I might come to see it? Yours sincerely, Daniel Green.

Dear neighbours, the street party will take place on Saturday from two o'clock until eight. Please bring a chair, a dish to share, and something to drink. There will be music, games for the children, and a prize for the best cake. If it rains, we will move into the school hall at the end of the road. We hope to see you all there.

The old lighthouse stood on a rock at the end of the bay. For more than a hundred years its light had turned through the night, warning ships away from the dangerous rocks below. The keeper lived in a small house at its foot. Every evening he climbed the long spiral stairs to light the lamp, and every morning he climbed them again to clean the glass and trim the wick.

One winter night a great storm blew in from the sea. The wind howled around the tower, and waves broke over the rocks and washed against the door. The keeper stayed awake all night, watching the light and listening to the storm. Near dawn he saw a small fishing boat struggling toward the bay. He kept the light burning, and the fishermen steered by it, past the rocks and into the calm water of the harbour.

In the morning the fishermen came to thank him. They brought him fresh fish and a loaf of bread, and they sat in his kitchen and told him how frightened they had been. The keeper said that he had only done his job. But after they left, he stood for a long time at the window, looking at the quiet sea, and he felt glad that the old light still mattered.

Learning a new skill takes time and practice. At first everything feels slow and clumsy, and mistakes are common. This is normal. The brain learns by trying, failing, and trying again. Short, regular practice is usually better than long sessions once in a while. Ten minutes every day will teach you more than two hours once a week.

It helps to break a big task into small steps. If you want to learn to play the guitar, start with a few simple chords. When you can play them without thinking, learn to change between them smoothly. Then add a simple rhythm, then a song. Each small success makes the next step easier, and before long you will look back and be surprised at how far you have come.

Good habits are easier to keep than to start. Many people find it useful to link a new habit to something they already do. For example, you might read for a few minutes after breakfast, or go for a short walk after lunch. Over time the new habit becomes part of the day, and it no longer needs much effort or willpower.

Walking is one of the simplest forms of exercise. It needs no special equipment, only a pair of comfortable shoes. A brisk walk of half an hour a day is good for the heart, the lungs, and the mind. Many people find that walking helps them think. Problems that seemed difficult at the desk often become clearer on a quiet path through a park.

Gardening teaches patience. You plant a seed, water it, and wait. For days nothing seems to happen. Then a small green shoot pushes through the soil, and leaves unfold one by one. Some plants grow quickly; others take years to flower or bear fruit. A gardener learns to watch the weather, to notice the small changes in each plant, and to accept that not every seed will grow.

To grow tomatoes, choose a sunny, sheltered spot. Plant the young plants in rich soil after the last frost, and push a strong stick into the ground beside each one. As the plants grow, tie the stems gently to the sticks. Water them often in dry weather, but try not to wet the leaves. When the fruit turns red and feels slightly soft, it is ready to pick.

Cats and dogs have lived with people for thousands of years, but in different ways. Dogs were probably first kept to help with hunting and to guard the camp. Cats likely came on their own, drawn by the mice that lived in stores of grain. Today both are loved as companions. Dogs usually enjoy company and like to please their owners, while cats are often more independent and choose when they want attention.

Bees are small but very important. As they move from flower to flower collecting nectar, they carry pollen with them, and this helps many plants to make fruit and seeds. Without bees and other insects that do the same work, we would have far fewer apples, berries, nuts, and vegetables. A single hive can hold tens of thousands of bees, each with its own task: some gather food, some care for the young, and some guard the entrance.

Birds build nests in many different ways. Some weave grass and twigs into neat cups in the branches of trees. Some dig holes in river banks, and others use holes in old walls or dead trees. Swallows make nests of mud under the roofs of barns. A few birds build no nest at all and simply lay their eggs on bare rock or sand, trusting their colour to hide them from hungry eyes.

The city never really sleeps. Late at night, when most windows are dark, the bakers are already at work, mixing dough for the morning bread. Cleaners sweep the empty streets, and lorries bring fresh food to the shops and markets. In the hospitals, nurses walk quietly from bed to bed. Then, slowly, the sky grows pale, the first buses begin to run, and the city wakes up again.

A small town has a different pace. People greet each other by name in the street, and news travels quickly from the post office to the café and the butcher's shop. On market day, farmers bring their goods to the square, and neighbours stop to talk for a while. Life may seem slower than in the city, but many people like it that way.

Weather affects almost everything we do. Farmers watch the sky to decide when to plant and when to harvest. Sailors and pilots study the wind and the clouds before they set out. Even in the city, a sunny day fills the parks, while a rainy one fills the cinemas and the shops. It is no wonder that people everywhere like to talk about the weather.

A storm often begins on a hot, still afternoon. Warm, wet air rises quickly and builds into tall, dark clouds. Inside the clouds, drops of water and bits of ice are thrown up and down, and electric charges build up until they are released as lightning. The lightning heats the air so fast that it expands with a loud crack, and that is the thunder we hear.

Snow changes the world overnight. The ground, the roofs, and the branches of the trees are covered in white, and sounds become soft and muffled. Children build snowmen and throw snowballs, and the streets fill with the crunch of boots. Each snowflake is made of tiny ice crystals, and most of them have six sides, yet it is said that no two of them are exactly alike.

Once upon a time there was a fox who lived at the edge of a wide forest. He was clever, but he was also proud, and he liked to boast to the other animals about how quick and wise he was. One day a crow sat on a branch above him with a piece of cheese in her beak. The fox wanted the cheese, so he looked up and praised the crow's fine feathers and bright eyes.

"Surely," said the fox, "a bird so beautiful must also have a beautiful voice. Won't you sing for me?" The crow was pleased, and she opened her beak to sing. The cheese fell to the ground, and the fox snapped it up at once. "You have a voice," he said, "but you have no sense." And he ran off into the trees, laughing. The crow learned that day not to trust those who flatter.

There was once a girl who wanted to see the edge of the world. She packed bread, cheese, and a warm coat, and she walked for many days, over hills and through valleys, across rivers and along the shores of lakes. Every evening she asked the people she met where the world ended, and every evening they pointed further on.

At last she came to the sea. She stood on the beach and looked out at the water, which went on and on until it met the sky. An old woman was mending a net nearby. "Is this the edge of the world?" the girl asked. The old woman laughed. "The world has no edge," she said. "It only has places you have not seen yet." The girl thought about this for a long time. Then she turned around and began to walk home, taking a different road, so that she could see new places on the way.

Kindness costs very little, but it can mean a great deal. A smile, a word of thanks, or a small offer of help can change someone's whole day. Many people remember for years a stranger who helped them when they were lost, or a teacher who believed in them when they did not believe in themselves. We rarely know how much our small kindnesses matter to others.

Friends are the family we choose. A good friend listens without judging, tells the truth even when it is hard, and is there in difficult times as well as happy ones. Friendships need care, like plants in a garden. They grow stronger with time and attention, and they can wither if they are ignored for too long.

"Good morning," said the shopkeeper. "What can I get for you today?" "I would like a loaf of brown bread and six eggs, please," said the customer. "Anything else?" "Yes, a pint of milk and a small jar of honey." The shopkeeper put everything into a paper bag. "That will be four pounds and twenty pence." The customer paid, thanked him, and wished him a good day.

"Excuse me, could you tell me the way to the station?" asked the tourist. "Of course," said the woman. "Go straight down this road until you reach the church. Turn left there, and walk past the park. The station is on the right, just after the bridge. It takes about ten minutes on foot." "Thank you very much." "You're welcome. Have a good journey."

"How was your day?" asked his mother when he came home. "Long," he said, dropping his bag by the door. "We had a maths test in the morning, and then football in the rain." "Did the test go well?" "I think so. The last question was hard, but I finished it." "Well done. Dinner is ready in twenty minutes, so go and change out of those wet clothes."

"I'm sorry I'm late," she said, sitting down at the table. "The bus broke down, and I had to walk the last part of the way." "Don't worry," said her friend. "I've only just arrived myself. Shall we order? The soup of the day is tomato and basil, and I hear the fish is very good here." "I think I'll have the fish, then, and a glass of water."

There are seven days in a week, twelve months in a year, and about three hundred and sixty five days in a year. A day has twenty four hours, an hour has sixty minutes, and a minute has sixty seconds. Every four years, February has an extra day, because the earth takes a little more than three hundred and sixty five days to go around the sun.

Numbers are everywhere. We use them to count, to measure, to tell the time, and to keep track of money. A recipe might ask for 200 grams of flour and 3 eggs. A road sign might say that the next town is 12 miles away. A shop might sell a jacket for 45 pounds, or offer 20 percent off in a sale. Being comfortable with numbers makes many everyday tasks easier.

To make a cup of tea, boil fresh water in a kettle. Warm the pot by rinsing it with a little hot water, then put in one spoon of tea leaves for each person and one extra for the pot. Pour on the boiling water and let the tea stand for three to five minutes. Stir, pour through a strainer into cups, and add milk or lemon if you like.

To plant a tree, dig a hole twice as wide as the roots and about as deep. Loosen the soil at the bottom of the hole with a fork. Set the tree in the middle, spread out the roots, and fill the hole with soil, pressing it down gently as you go. Water the tree well, and keep watering it in dry weather during its first summer, while its roots are still finding their way.

To write a good letter, think first about who will read it and why you are writing. Begin with a friendly greeting. Say clearly what you want to tell or ask, and keep each paragraph to one main idea. Finish politely, and read the letter through before you send it, to check for mistakes and to make sure it says what you mean.

To change a flat tyre on a bicycle, first take the wheel off the frame. Use tyre levers to lift one side of the tyre over the rim, and pull out the inner tube. Find the hole by pumping a little air into the tube and listening for the hiss, or by holding it under water and watching for bubbles. Patch the hole, or fit a new tube, then push the tyre back onto the rim and pump it up to the right pressure.

Music can change the way we feel. A slow song can make us calm or sad, while a fast one can make us want to dance. People all over the world make music, with drums, strings, pipes, and their own voices. Children sing before they can read, and many old people who have forgotten much else can still remember the songs of their youth.

A museum is a house of memories. Inside its rooms you may find old coins, tools, clothes, paintings, and letters, each with a story to tell. Some museums show the bones of animals that lived long before people, and others show machines, ships, or aeroplanes. A good museum helps us imagine how people lived in other times and places.

Football is played in almost every country. Two teams of eleven players try to kick a ball into the other team's goal. Only the goalkeeper may touch the ball with his hands, and only inside his own area. The game is simple to learn and can be played almost anywhere, which is one reason it is so popular. In many towns, children play in the street or the park every evening until it is too dark to see the ball.

Swimming is a skill that can save lives. It is also excellent exercise, because it uses almost every muscle in the body while the water supports your weight. Children usually learn first to float, to kick their legs, and to put their faces in the water. Then they learn strokes such as the crawl and the breaststroke, and how to breathe in time with their movements.

Computers follow instructions. A program is a list of steps, written in a language the computer can understand. The computer carries out the steps one by one, very quickly and without getting tired or bored. It cannot guess what we mean, so the instructions must be exact. When a program does something unexpected, it is usually because the instructions said something slightly different from what the programmer intended.

The internet links millions of computers around the world. When you open a web page, your computer sends a request across many networks to another computer, which sends the page back in small pieces. The pieces may travel by different routes and arrive out of order, but they are put back together before you see them. All of this usually happens in less than a second.

Saving money is easier with a plan. Start by writing down what you earn and what you spend each month. You may be surprised at how much goes on small things. Decide how much you want to save, and put that amount aside as soon as you are paid, before you spend anything else. Even a small amount saved regularly can grow into a useful sum over a few years.

Every village has its stories. There is the story of the great flood, when the river rose over the bridge and boats were rowed down the main street. There is the story of the winter the lake froze so hard that a horse and cart could cross it. And there is always a story about a ghost in the old mill, although nobody can say for certain who has seen it.

At the end of the day, the family sat around the fire. Outside the wind was blowing, but inside it was warm and quiet. Grandfather told a story about the year he had worked on a ship and sailed to a distant port. The children listened with wide eyes, and even the cat seemed to be paying attention. When the story ended, the fire had burned low, and it was time for bed.
`;

/** The corpus as paragraphs, one training example each. */
export function generalEnglishParagraphs(): string[] {
  return GENERAL_ENGLISH_TEXT.split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0);
}
